using MyStamp.Studio.Contracts;

namespace MyStamp.Studio.Sheets;

/// <summary>A rectangle on the sheet, in millimetres from the top-left corner of the page.</summary>
internal readonly record struct MmRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
}

/// <summary>A straight cut mark, in millimetres from the top-left corner of the page.</summary>
internal readonly record struct MmLine(double X1, double Y1, double X2, double Y2);

/// <summary>
/// Where the stamps of one print sheet go: an A4 page holding a grid of stamps (2 × 5 = 10) centred on the
/// page, gutters between them, and crop marks at every corner of every stamp that stop short of the stamp
/// and of its neighbours' marks.
/// </summary>
internal sealed class SheetLayout
{
    public const double PageWidthMm = 210;
    public const double PageHeightMm = 297;
    public const int Columns = 2;
    public const int Rows = 5;
    public const double GutterMm = 8;
    /// <summary>Crop marks begin this far from the stamp's corner and are this long.</summary>
    public const double MarkOffsetMm = 1;
    public const double MarkLengthMm = 2.5;

    public SheetLayout(StampFormatSize format)
    {
        var gridWidth = Columns * format.StampWidthMm + (Columns - 1) * GutterMm;
        var gridHeight = Rows * format.StampHeightMm + (Rows - 1) * GutterMm;
        var left = (PageWidthMm - gridWidth) / 2;
        var top = (PageHeightMm - gridHeight) / 2;
        var stamps = new List<MmRect>();
        var pictures = new List<MmRect>();
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                var stamp = new MmRect(
                    left + column * (format.StampWidthMm + GutterMm),
                    top + row * (format.StampHeightMm + GutterMm),
                    format.StampWidthMm,
                    format.StampHeightMm);
                stamps.Add(stamp);
                pictures.Add(new MmRect(stamp.X + format.MarginMm, stamp.Y + format.MarginMm, format.PictureWidthMm, format.PictureHeightMm));
            }
        }
        Stamps = stamps;
        Pictures = pictures;
        CropMarks = stamps.SelectMany(MarksAround).ToList();
    }

    /// <summary>The stamps' outlines: where the sheet is cut and perforated.</summary>
    public IReadOnlyList<MmRect> Stamps { get; }

    /// <summary>Where the photo is printed inside each stamp.</summary>
    public IReadOnlyList<MmRect> Pictures { get; }

    public IReadOnlyList<MmLine> CropMarks { get; }

    /// <summary>Eight marks per stamp: at each corner one horizontal and one vertical, pointing away from the stamp.</summary>
    private static IEnumerable<MmLine> MarksAround(MmRect stamp)
    {
        const double near = MarkOffsetMm;
        const double far = MarkOffsetMm + MarkLengthMm;
        foreach (var (x, dx) in new[] { (stamp.X, -1.0), (stamp.Right, 1.0) })
        {
            foreach (var (y, dy) in new[] { (stamp.Y, -1.0), (stamp.Bottom, 1.0) })
            {
                yield return new MmLine(x + dx * near, y, x + dx * far, y);
                yield return new MmLine(x, y + dy * near, x, y + dy * far);
            }
        }
    }
}
