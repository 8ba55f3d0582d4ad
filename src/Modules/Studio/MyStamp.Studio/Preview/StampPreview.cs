using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MyStamp.Studio.Preview;

/// <summary>
/// The stamp as the customer sees it on screen: the cropped photo framed by a white margin whose edges are
/// perforated (scalloped), drawn pixel by pixel on a transparent background. No text or font is involved.
/// </summary>
internal sealed class StampPreview(ImagingGate gate)
{
    /// <summary>Screen scale of the preview: 12 pixels per millimetre of stamp.</summary>
    public const double PixelsPerMm = 12;

    /// <summary>Distance between perforation holes, and their radius, in millimetres.</summary>
    public const double PerforationPitchMm = 1.6;
    public const double PerforationHoleRadiusMm = 0.5;

    private static readonly PngEncoder Encoder = new() { IgnoreMetadata = true, CompressionLevel = PngCompressionLevel.DefaultCompression };

    /// <summary>Size of the preview in pixels: the whole stamp, margin included, at <see cref="PixelsPerMm"/>.</summary>
    public static Size SizeOf(StampFormatSize format) =>
        new((int)Math.Round(format.StampWidthMm * PixelsPerMm), (int)Math.Round(format.StampHeightMm * PixelsPerMm));

    /// <summary>Size of the picture inside the perforated margin, in pixels.</summary>
    public static Size PictureSizeOf(StampFormatSize format)
    {
        var size = SizeOf(format);
        var margin = MarginOf(format);
        return new Size(size.Width - 2 * margin, size.Height - 2 * margin);
    }

    private static int MarginOf(StampFormatSize format) => (int)Math.Round(format.MarginMm * PixelsPerMm);

    public Task<byte[]> Render(StoredPicture source, Crop crop, StampFormatSize format) =>
        gate.Run(PhotoIntake.Subject, async cancellation =>
        {
            var (photo, region) = await gate.LoadForCrop(source, crop, cancellation);
            using var decoded = photo;
            using var stamp = Compose(photo, region, format);
            using var output = new MemoryStream();
            await stamp.SaveAsPngAsync(output, Encoder, cancellation);
            return output.ToArray();
        });

    /// <summary>Draws the framed stamp from an already decoded, upright photo.</summary>
    public static Image<Rgba32> Compose(Image<Rgba32> photo, Crop crop, StampFormatSize format)
    {
        var size = SizeOf(format);
        var margin = MarginOf(format);
        var picture = PictureSizeOf(format);
        using var cropped = photo.Clone(pixels => pixels
            .Crop(new Rectangle(crop.X, crop.Y, crop.Width, crop.Height))
            .Resize(new ResizeOptions { Size = picture, Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Lanczos3 }));

        var stamp = new Image<Rgba32>(photo.GetConfiguration(), size.Width, size.Height, new Rgba32(0, 0, 0, 0));
        var perforation = new Perforation(size.Width, size.Height, PerforationPitchMm * PixelsPerMm, PerforationHoleRadiusMm * PixelsPerMm);
        stamp.ProcessPixelRows(cropped, (canvas, source) =>
        {
            for (var y = 0; y < canvas.Height; y++)
            {
                var row = canvas.GetRowSpan(y);
                var inPictureRow = y >= margin && y < margin + picture.Height;
                var sourceRow = inPictureRow ? source.GetRowSpan(y - margin) : default;
                for (var x = 0; x < row.Length; x++)
                {
                    if (inPictureRow && x >= margin && x < margin + picture.Width)
                    {
                        row[x] = sourceRow[x - margin];
                        continue;
                    }
                    var paper = perforation.PaperCoverage(x, y);
                    row[x] = paper <= 0 ? default : new Rgba32(255, 255, 255, (byte)Math.Round(paper * 255));
                }
            }
        });
        return stamp;
    }
}
