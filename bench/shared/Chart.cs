using System.Globalization;
using ScottPlot;

namespace MyStamp.Bench.Shared;

/// <summary>One line of a chart: its points (x, y) and its colour.</summary>
internal sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, (byte R, byte G, byte B) Colour, bool Dashed = false);

/// <summary>
/// A line chart as a PNG drawn by ScottPlot: labelled axes from zero, a title, and a legend naming each series.
/// <see cref="Write"/> returns the Markdown image link with a line of text, for readers of the report who
/// cannot see the picture.
/// </summary>
internal static class Chart
{
    public static readonly (byte, byte, byte) Blue = (31, 119, 180);
    public static readonly (byte, byte, byte) Orange = (255, 127, 14);
    public static readonly (byte, byte, byte) Green = (44, 160, 44);
    public static readonly (byte, byte, byte) Red = (214, 39, 40);
    public static readonly (byte, byte, byte) Grey = (120, 120, 120);

    private const int Width = 900, Height = 500;

    /// <summary>Writes the chart and returns its Markdown: the image link and a line naming the axes and series.</summary>
    public static string Write(string path, string xLabel, string yLabel, IReadOnlyList<Series> series)
    {
        var plot = new Plot();
        foreach (var line in series)
        {
            var points = line.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToArray();
            if (points.Length == 0)
            {
                continue;
            }
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            scatter.LegendText = line.Name;
            scatter.Color = new Color(line.Colour.R, line.Colour.G, line.Colour.B);
            scatter.LineWidth = 2;
            scatter.MarkerSize = points.Length > 60 ? 0 : 5;
            if (line.Dashed)
            {
                scatter.LinePattern = LinePattern.Dashed;
            }
        }
        plot.Title(yLabel + " against " + xLabel);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.AutoScale();
        // Both axes start at zero (or below, for a figure that went negative), so that heights compare as ratios;
        // room above the highest point for the legend.
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimits(Math.Min(0, limits.Left), Math.Max(limits.Right, 1e-9), Math.Min(0, limits.Bottom), Math.Max(limits.Top * 1.25, 1e-9));
        plot.SavePng(path, Width, Height);

        var names = string.Join("; ", series.Select(s => $"{ColourName(s.Colour)}{(s.Dashed ? " dashed" : "")}: {s.Name}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"![{yLabel} against {xLabel}]({Path.GetFileName(path)})\n\n*x: {xLabel}; y: {yLabel}; {names}.*\n");
    }

    private static string ColourName((byte R, byte G, byte B) colour) =>
        colour == Blue ? "blue" : colour == Orange ? "orange" : colour == Green ? "green" : colour == Red ? "red" : colour == Grey ? "grey" : "line";
}
