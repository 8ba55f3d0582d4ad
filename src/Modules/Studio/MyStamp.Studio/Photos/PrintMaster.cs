using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Contracts;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace MyStamp.Studio.Photos;

/// <summary>What is kept of a photo once its design is submitted: the crop alone, for print and for the screen.</summary>
internal sealed record KeptCrop(byte[] MasterJpeg, byte[] ScreenJpeg, int Width, int Height);

/// <summary>
/// Data minimisation (O2, O7): the full photo is needed only while its owner is still choosing the crop. Once
/// the crop is final, only that area is kept, at twice the pixels that 300 DPI needs for the largest format
/// (never enlarged), plus a screen copy of the same area. Everyone in the photo outside the crop is gone.
/// </summary>
internal sealed class PrintMaster(ImagingGate gate)
{
    /// <summary>Longest edge of a print master: twice the print pixels of the largest format's longest side.</summary>
    public static readonly int LongEdgeLimit = 2 * StampFormats.All.Max(format => Math.Max(format.PrintWidthPx, format.PrintHeightPx));

    /// <summary>Longest edge of the screen copy of the kept area.</summary>
    public const int ScreenLongEdge = 800;

    private static readonly JpegEncoder MasterEncoder = new() { Quality = 95, ColorType = JpegColorType.YCbCrRatio420 };

    /// <summary>The print master's size for a crop: the crop itself, scaled down to <see cref="LongEdgeLimit"/> when larger.</summary>
    public static (int Width, int Height) SizeFor(Crop crop)
    {
        var scale = Math.Min(1.0, (double)LongEdgeLimit / Math.Max(crop.Width, crop.Height));
        return ((int)Math.Round(crop.Width * scale), (int)Math.Round(crop.Height * scale));
    }

    public Task<KeptCrop> Cut(StoredPicture photo, Crop crop) =>
        gate.Run(PhotoIntake.Subject, async cancellation =>
        {
            var (decoded, region) = await gate.LoadForCrop(photo, crop, cancellation);
            using var kept = decoded;
            kept.Mutate(pixels => pixels.Crop(new Rectangle(region.X, region.Y, region.Width, region.Height)));
            if (Math.Max(kept.Width, kept.Height) > LongEdgeLimit)
            {
                kept.Mutate(pixels => pixels.Resize(new ResizeOptions { Size = new Size(LongEdgeLimit, LongEdgeLimit), Mode = ResizeMode.Max, Sampler = KnownResamplers.Lanczos3 }));
            }
            using var screen = PhotoIntake.ScreenCopy(kept, ScreenLongEdge);
            return new KeptCrop(PhotoIntake.Encode(kept, MasterEncoder), PhotoIntake.Encode(screen, PhotoIntake.ScreenEncoder), kept.Width, kept.Height);
        });
}
