using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Privacy.Contracts;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MyStamp.Privacy.IdentityDocuments;

/// <summary>
/// Applies the redaction of an identity document on the server (O9): the image is turned upright as
/// the browser showed it, the drawn rectangles are painted black, every metadata profile (EXIF with its
/// GPS position, IPTC, XMP, ICC) is dropped, and a plain PNG is written. The original never leaves memory.
/// The pixel work goes through the node's imaging gate, like the studio's: the same decoders, memory
/// budget, deadline and concurrency limit, off the grain's thread.
/// </summary>
internal sealed class IdentityDocumentRedactor(ImagingGate gate)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const string MediaType = "image/png";
    private const long MaxPixels = 40_000_000;
    private const int MinSide = 100;
    /// <summary>Enough to read a card; anything larger is scaled down (less data kept, O9).</summary>
    private const int MaxStoredSide = 2000;

    private static readonly ImageSubject Subject = new("idDocument", "identity document image");

    public async Task<IdentityDocumentImage> Redact(IdentityDocumentUpload upload)
    {
        if (upload.Content.Length == 0)
        {
            throw DomainException.Invalid(Subject.Field, "Add a copy of the front of your identity card or driving licence.");
        }
        if (upload.Content.Length > MaxBytes)
        {
            throw new DomainException(DomainErrorKind.PayloadTooLarge, $"The identity document may be at most {MaxBytes / (1024 * 1024)} MB.");
        }
        if (gate.DetectFormat(upload.Content) is null)
        {
            throw new DomainException(DomainErrorKind.UnsupportedMediaType, "Send the identity document as a JPEG, PNG or WebP image.");
        }
        var info = gate.Identify(upload.Content, Subject);
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new DomainException(DomainErrorKind.PayloadTooLarge, "The identity document image has too many pixels.");
        }

        return await gate.Run(Subject, async cancellation =>
        {
            using var image = await gate.Decode<Rgb24>(upload.Content, Subject, cancellation);
            // Browsers show a photo turned by its EXIF orientation; the rectangles were drawn on that view.
            image.Mutate(context => context.AutoOrient());
            if (image.Width < MinSide || image.Height < MinSide)
            {
                throw DomainException.Invalid(Subject.Field, "The image is too small to check an identity.");
            }
            var rectangles = RedactionGeometry.ToPixels(upload.Redactions, image.Width, image.Height);
            BlackOut(image, rectangles);
            if (Math.Max(image.Width, image.Height) > MaxStoredSide)
            {
                var scale = (double)MaxStoredSide / Math.Max(image.Width, image.Height);
                image.Mutate(context => context.Resize((int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale)));
            }
            ImageMetadata.Strip(image);

            using var output = new MemoryStream();
            await image.SaveAsPngAsync(output, new PngEncoder { ChunkFilter = PngChunkFilter.ExcludeAll, IgnoreMetadata = true }, cancellation);
            return new IdentityDocumentImage(MediaType, output.ToArray());
        });
    }

    public static void BlackOut(Image<Rgb24> image, IReadOnlyList<PixelRectangle> rectangles)
    {
        var black = new Rgb24(0, 0, 0);
        image.ProcessPixelRows(accessor =>
        {
            foreach (var rectangle in rectangles)
            {
                for (var y = rectangle.Top; y < rectangle.Bottom; y++)
                {
                    accessor.GetRowSpan(y)[rectangle.Left..rectangle.Right].Fill(black);
                }
            }
        });
    }

}
