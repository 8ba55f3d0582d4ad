namespace MyStamp.Studio.Contracts;

/// <summary>
/// The size of one stamp format. The picture is what the photo fills; the stamp adds a white perforated
/// margin around it. Print pixels are the picture at 300 DPI, rounded up: a crop must have at least that many.
/// </summary>
public sealed record StampFormatSize(
    StampFormat Format,
    string Name,
    double PictureWidthMm,
    double PictureHeightMm,
    double MarginMm)
{
    /// <summary>The print resolution every format is made for.</summary>
    public const int PrintDpi = 300;

    public double StampWidthMm => PictureWidthMm + 2 * MarginMm;
    public double StampHeightMm => PictureHeightMm + 2 * MarginMm;

    /// <summary>The picture's width in pixels at 300 DPI: the least a crop may have.</summary>
    public int PrintWidthPx => PixelsAt(PictureWidthMm, PrintDpi);
    public int PrintHeightPx => PixelsAt(PictureHeightMm, PrintDpi);

    /// <summary>Width divided by height of the picture; every crop of this format has this ratio.</summary>
    public double AspectRatio => PictureWidthMm / PictureHeightMm;

    /// <summary>Pixels needed to print <paramref name="mm"/> millimetres at <paramref name="dpi"/>, rounded up.</summary>
    public static int PixelsAt(double mm, int dpi) => (int)Math.Ceiling(Math.Round(mm / 25.4 * dpi, 6));
}

/// <summary>The formats the studio offers. Sizes are documented in the README's Studio section.</summary>
public static class StampFormats
{
    public static IReadOnlyList<StampFormatSize> All { get; } =
    [
        new(StampFormat.SmallPortrait, "Small portrait", 24, 30, 3),
        new(StampFormat.Landscape, "Landscape", 40, 30, 3),
        new(StampFormat.Square, "Square", 30, 30, 3),
    ];

    public static StampFormatSize Of(StampFormat format) =>
        All.FirstOrDefault(size => size.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown stamp format.");
}
