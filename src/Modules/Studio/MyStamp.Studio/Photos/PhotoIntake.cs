using Microsoft.Extensions.Options;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Contracts;
using MyStamp.Studio.Formats;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MyStamp.Studio.Photos;

/// <summary>
/// A photo that passed every check, without any metadata, ready to be stored. <see cref="Jpeg"/> is the full photo
/// as it lies in the file, to be turned by <see cref="Orientation"/> (EXIF numbering, 1 = upright) when it is
/// rendered; the screen copy is upright. <see cref="Width"/> and <see cref="Height"/> are the upright size.
/// </summary>
internal sealed record CleanedPhoto(byte[] Jpeg, ushort Orientation, byte[] ScreenJpeg, int Width, int Height, IReadOnlyList<string> Warnings);

/// <summary>
/// Takes an uploaded file in: refuses what is not a JPEG, PNG or WebP (or claims to be another type), what
/// is too large or declares too many pixels (checked from the header before any pixel is decoded), and what
/// is too small to print; then applies the EXIF orientation and strips every metadata profile (EXIF, GPS,
/// IPTC, XMP, ICC) so that no location or camera data is ever stored.
/// </summary>
internal sealed class PhotoIntake(ImagingGate gate, IOptions<StudioOptions> options)
{
    /// <summary>How refusals name the upload.</summary>
    public static readonly ImageSubject Subject = new("photo", "photo");

    /// <summary>Longest edge of the copy the crop editor shows.</summary>
    public const int ScreenLongEdge = 1600;

    /// <summary>Even within the pixel budget, a side longer than this is refused (strips of 1 × 50 million pixels).</summary>
    public const int MaxSidePx = 20_000;

    /// <summary>
    /// The metadata is stripped from the image before any encoder sees it. Chroma at half resolution (4:2:0), as
    /// cameras store it: ImageSharp 2.1 would pick full-resolution chroma above quality 90, twice the colour data
    /// to encode for detail the camera never recorded.
    /// </summary>
    private static readonly JpegEncoder StoredEncoder = new() { Quality = 92, ColorType = JpegColorType.YCbCrRatio420 };
    /// <summary>Good enough to render a preview, a sheet or a print master from when it has the pixels (<see cref="StoredPicture"/>).</summary>
    internal static readonly JpegEncoder ScreenEncoder = new() { Quality = 88, ColorType = JpegColorType.YCbCrRatio420 };

    public async Task<CleanedPhoto> Clean(byte[] bytes, string? declaredContentType, string? fileName, StampFormatSize format)
    {
        var studio = options.Value;
        if (bytes.Length > studio.MaxUploadBytes)
        {
            throw new DomainException(DomainErrorKind.PayloadTooLarge, $"The photo is larger than {studio.MaxUploadMegabytes} MB.");
        }
        if (bytes.Length == 0)
        {
            throw Unsupported("The file is empty. Upload a JPEG, PNG or WebP photo.");
        }

        var sniffed = Sniff(bytes);
        if (PhotoTypes.IsForeignClaim(declaredContentType))
        {
            throw Unsupported("Only JPEG, PNG and WebP photos are accepted.");
        }
        foreach (var claim in new[] { PhotoTypes.FromContentType(declaredContentType), PhotoTypes.FromFileName(fileName) })
        {
            if (claim is { } claimed && claimed != sniffed)
            {
                throw Unsupported($"The file's content is {sniffed.Name()}, not the {claimed.Name()} its type or name says.");
            }
        }

        var info = Identify(bytes);
        if (sniffed == PhotoType.Jpeg && !JpegStructure.IsComplete(bytes))
        {
            throw Unreadable();
        }
        if (info.Width > MaxSidePx || info.Height > MaxSidePx || (long)info.Width * info.Height > studio.MaxMegapixels * 1_000_000L)
        {
            throw DomainException.Invalid("photo",
                $"The photo declares {info.Width} × {info.Height} pixels; the studio accepts at most {studio.MaxMegapixels} megapixels and {MaxSidePx} pixels a side.");
        }
        var (width, height) = SwapsSides(info) ? (info.Height, info.Width) : (info.Width, info.Height);
        if (!CropGeometry.CanPrint(width, height, format))
        {
            throw DomainException.Invalid("photo",
                $"The photo is {width} × {height} pixels; the {format.Name.ToLowerInvariant()} stamp needs at least {format.PrintWidthPx} × {format.PrintHeightPx} pixels to print at {StampFormatSize.PrintDpi} DPI.");
        }

        var warnings = StampFormats.All
            .Where(other => other.Format != format.Format && !CropGeometry.CanPrint(width, height, other))
            .Select(other => $"The photo is too small for the {other.Name.ToLowerInvariant()} format at {StampFormatSize.PrintDpi} DPI (it needs at least {other.PrintWidthPx} × {other.PrintHeightPx} pixels).")
            .ToList();

        return await gate.Run(Subject, async cancellation =>
        {
            // Every pixel is decoded: a file that cannot be is refused here, not when it is first printed.
            if (sniffed == PhotoType.Jpeg)
            {
                // A JPEG keeps its own compressed data, without its metadata: no second lossy encoding of 12 MP,
                // and no turning of 12 MP either (the orientation is applied to what is rendered from it).
                // It has no transparency: three bytes a pixel are enough.
                using var photo = await gate.Decode<Rgb24>(bytes, Subject, cancellation);
                using var screen = ScreenCopy(photo, ScreenLongEdge);
                screen.Mutate(pixels => pixels.AutoOrient());
                ImageMetadata.Strip(screen);
                return new CleanedPhoto(WithoutMetadata(bytes), OrientationOf(info), Encode(screen, ScreenEncoder), width, height, warnings);
            }
            using var image = await gate.Decode<Rgba32>(bytes, Subject, cancellation);
            // A PNG or WebP may be transparent: it is printed on white. It is stored upright as a JPEG.
            image.Mutate(pixels => pixels.BackgroundColor(Color.White).AutoOrient());
            ImageMetadata.Strip(image);
            using var screenCopy = ScreenCopy(image, ScreenLongEdge);
            return new CleanedPhoto(Encode(image, StoredEncoder), Upright, Encode(screenCopy, ScreenEncoder), image.Width, image.Height, warnings);
        });
    }

    /// <summary>The JPEG's own data without its metadata; a structure the decoder forgave but the cut cannot follow is the file's fault.</summary>
    private static byte[] WithoutMetadata(byte[] jpeg)
    {
        try
        {
            return JpegStructure.WithoutMetadata(jpeg);
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
    }

    /// <summary>EXIF's "upright": nothing to turn.</summary>
    public const ushort Upright = 1;

    /// <summary>
    /// Turns a photo decoded from a stored JPEG by the orientation recorded for it (EXIF numbering); the stored
    /// file carries no EXIF, so the library is told the orientation and applies it as it would from a camera file.
    /// </summary>
    internal static void Orient(Image image, ushort orientation)
    {
        if (orientation is > Upright and <= 8)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
            image.Mutate(pixels => pixels.AutoOrient());
            image.Metadata.ExifProfile = null;
        }
    }

    /// <summary>The stored JPEG turned upright, for handing back to its owner (the export); an upright one as it is.</summary>
    public Task<byte[]> UprightJpeg(byte[] storedJpeg, ushort orientation) =>
        orientation is > Upright and <= 8
            ? gate.Run(Subject, async cancellation =>
            {
                using var image = await gate.Decode<Rgba32>(storedJpeg, Subject, cancellation);
                Orient(image, orientation);
                return Encode(image, StoredEncoder);
            })
            : Task.FromResult(storedJpeg);

    private static ushort OrientationOf(IImageInfo info) =>
        info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation) is { Value: >= 1 and <= 8 } orientation ? orientation.Value : Upright;

    /// <summary>
    /// A copy scaled down to fit a square of <paramref name="longEdge"/> pixels; a smaller image is copied at its
    /// size. A triangle filter: a clean reduction at a third of bicubic's cost over 12 MP, and whatever is rendered
    /// from the copy resamples it again with Lanczos.
    /// </summary>
    internal static Image<TPixel> ScreenCopy<TPixel>(Image<TPixel> image, int longEdge) where TPixel : unmanaged, IPixel<TPixel> =>
        Math.Max(image.Width, image.Height) <= longEdge
            ? image.Clone()
            : image.Clone(pixels => pixels.Resize(new ResizeOptions { Size = new Size(longEdge, longEdge), Mode = ResizeMode.Max, Sampler = KnownResamplers.Triangle }));

    /// <summary>The type the file's first bytes announce; anything but the three decoders the gate has is refused here.</summary>
    private PhotoType Sniff(byte[] bytes) =>
        gate.DetectFormat(bytes) is { } format && PhotoTypes.FromImageFormat(format) is { } type
            ? type
            : throw Unsupported("The file is not a JPEG, PNG or WebP photo.");

    /// <summary>Reads the header only: dimensions and orientation, without decoding a single pixel.</summary>
    private IImageInfo Identify(byte[] bytes) => gate.Identify(bytes, Subject);

    /// <summary>EXIF orientations 5 to 8 turn the photo a quarter: width and height trade places once it is upright.</summary>
    private static bool SwapsSides(IImageInfo info) => OrientationOf(info) is >= 5 and <= 8;

    internal static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    private static DomainException Unsupported(string message) =>
        new(DomainErrorKind.UnsupportedMediaType, message, new Dictionary<string, string[]> { ["photo"] = [message] });

    private static DomainException Unreadable() =>
        DomainException.Invalid(Subject.Field, "The photo is damaged or incomplete and cannot be read.");
}
