using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.Studio.Contracts;

namespace MyStamp.Web.Studio;

/// <summary>
/// The upload form, read straight from the request stream (no form buffering to disk, no reading past the
/// limit): a <c>photo</c> file field and an optional <c>format</c> field. A photo larger than the limit is
/// refused as soon as the limit is crossed, so a 30 MB body is never held in memory.
/// </summary>
internal sealed record DesignUploadForm(byte[] Photo, string? ContentType, string? FileName, StampFormat Format)
{
    private const int MaxFieldBytes = 256;

    public static async Task<DesignUploadForm> Read(HttpRequest request, long maxPhotoBytes, CancellationToken cancellation)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(DomainErrorKind.UnsupportedMediaType, "Send the photo as multipart/form-data in a field named 'photo'.");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            throw DomainException.Invalid("photo", "The multipart boundary is missing or too long.");
        }

        var reader = new MultipartReader(boundary, request.Body)
        {
            HeadersCountLimit = 16,
            HeadersLengthLimit = 8 * 1024,
            // Our own count below refuses a large photo first; this only bounds the fields we skip.
            BodyLengthLimit = maxPhotoBytes + 1,
        };
        byte[]? photo = null;
        string? contentType = null, fileName = null;
        var format = StampFormat.SmallPortrait;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "photo" when photo is null:
                        photo = await ReadBounded(section.Body, maxPhotoBytes, request.ContentLength, cancellation);
                        contentType = section.ContentType;
                        fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                        break;
                    case "format":
                        var text = System.Text.Encoding.UTF8.GetString(await ReadBounded(section.Body, MaxFieldBytes, null, cancellation, tooLarge: () => DomainException.Invalid("format", "Unknown format.")));
                        format = Enum.TryParse<StampFormat>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                            ? parsed
                            : throw DomainException.Invalid("format", $"Unknown format: choose one of {string.Join(", ", Enum.GetNames<StampFormat>())}.");
                        break;
                }
            }
        }
        catch (InvalidDataException)
        {
            throw DomainException.Invalid("photo", "The multipart form could not be read.");
        }
        catch (IOException) when (!cancellation.IsCancellationRequested)
        {
            throw DomainException.Invalid("photo", "The upload ended before the form was complete.");
        }
        return photo is null
            ? throw DomainException.Invalid("photo", "Choose a photo to upload (a JPEG, PNG or WebP file in the field 'photo').")
            : new DesignUploadForm(photo, contentType, fileName, format);
    }

    /// <summary>Copies a section into memory, stopping with 413 the moment it grows past <paramref name="limit"/>.</summary>
    private static async Task<byte[]> ReadBounded(Stream body, long limit, long? sizeHint, CancellationToken cancellation, Func<DomainException>? tooLarge = null)
    {
        var initial = (int)Math.Min(limit + 1, Math.Max(0, sizeHint ?? 0));
        using var buffer = new MemoryStream(initial);
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw tooLarge?.Invoke()
                    ?? new DomainException(DomainErrorKind.PayloadTooLarge, $"The photo is larger than {limit / (1024 * 1024)} MB.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
