namespace MyStamp.Studio.Preview;

/// <summary>
/// The outline of a perforated stamp: a rectangle of paper whose edges are bitten by evenly spaced round
/// holes, centred on the edge line and including the four corners, as when a stamp is torn from its sheet.
/// Pure geometry, so that the scalloped edge can be drawn pixel by pixel without a drawing library.
/// </summary>
internal sealed class Perforation
{
    private readonly double _stepX;
    private readonly double _stepY;

    /// <param name="width">Width of the stamp in pixels.</param>
    /// <param name="height">Height of the stamp in pixels.</param>
    /// <param name="pitch">Wished distance between hole centres; adjusted so that each edge holds a whole number of steps.</param>
    /// <param name="holeRadius">Radius of a hole.</param>
    public Perforation(int width, int height, double pitch, double holeRadius)
    {
        if (width <= 0 || height <= 0 || pitch <= 0 || holeRadius <= 0 || holeRadius >= pitch / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(holeRadius), "The stamp needs a positive size, and holes narrower than half the pitch.");
        }
        Width = width;
        Height = height;
        HoleRadius = holeRadius;
        _stepX = (double)width / StepsAlong(width, pitch);
        _stepY = (double)height / StepsAlong(height, pitch);
    }

    public int Width { get; }
    public int Height { get; }
    public double HoleRadius { get; }

    /// <summary>Positions of the hole centres along the top and bottom edges, corners included.</summary>
    public IReadOnlyList<double> HolesAlongWidth => Centres(Width, _stepX);

    /// <summary>Positions of the hole centres along the left and right edges, corners included.</summary>
    public IReadOnlyList<double> HolesAlongHeight => Centres(Height, _stepY);

    /// <summary>
    /// How much of the pixel at (x, y) is paper, from 0 (a hole or outside the stamp) to 1 (paper), with a
    /// one-pixel soft rim so the scallops are smooth.
    /// </summary>
    public double PaperCoverage(int x, int y)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
        {
            return 0;
        }
        // Distances are measured from the pixel's centre.
        var px = x + 0.5;
        var py = y + 0.5;
        var nearest = Math.Min(
            Math.Min(DistanceToHoles(px, py, _stepX), DistanceToHoles(px, Height - py, _stepX)),
            Math.Min(DistanceToHoles(py, px, _stepY), DistanceToHoles(py, Width - px, _stepY)));
        return Math.Clamp(nearest - HoleRadius + 0.5, 0, 1);
    }

    /// <summary>Distance from a point to the nearest hole of one edge: <paramref name="along"/> the edge, <paramref name="away"/> from it.</summary>
    private static double DistanceToHoles(double along, double away, double step)
    {
        if (away > step)
        {
            return double.MaxValue;
        }
        var centre = Math.Round(along / step) * step;
        return Math.Sqrt((along - centre) * (along - centre) + away * away);
    }

    private static int StepsAlong(int length, double pitch) => Math.Max(2, (int)Math.Round(length / pitch));

    private static IReadOnlyList<double> Centres(int length, double step)
    {
        var count = (int)Math.Round(length / step);
        return Enumerable.Range(0, count + 1).Select(i => i * step).ToList();
    }
}
