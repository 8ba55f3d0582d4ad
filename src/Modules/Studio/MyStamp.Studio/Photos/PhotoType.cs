using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace MyStamp.Studio.Photos;

/// <summary>The three kinds of photo the studio accepts.</summary>
internal enum PhotoType
{
    Jpeg,
    Png,
    Webp,
}

/// <summary>What a file says it is (media type, name) and what its bytes are, in terms of <see cref="PhotoType"/>.</summary>
internal static class PhotoTypes
{
    public static string Name(this PhotoType type) => type switch
    {
        PhotoType.Jpeg => "JPEG",
        PhotoType.Png => "PNG",
        _ => "WebP",
    };

    public static PhotoType? FromImageFormat(IImageFormat format) => format switch
    {
        JpegFormat => PhotoType.Jpeg,
        PngFormat => PhotoType.Png,
        WebpFormat => PhotoType.Webp,
        _ => null,
    };

    /// <summary>The type a media type claims, or null when it claims nothing in particular (missing, octet-stream) or something else.</summary>
    public static PhotoType? FromContentType(string? contentType) => Normalise(contentType) switch
    {
        "image/jpeg" or "image/jpg" or "image/pjpeg" => PhotoType.Jpeg,
        "image/png" => PhotoType.Png,
        "image/webp" => PhotoType.Webp,
        _ => null,
    };

    /// <summary>The type a file name's extension claims, or null for no or another extension.</summary>
    public static PhotoType? FromFileName(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" or ".jpe" or ".jfif" => PhotoType.Jpeg,
        ".png" => PhotoType.Png,
        ".webp" => PhotoType.Webp,
        _ => null,
    };

    /// <summary>True when the media type names a type the studio does not accept (an SVG, a text file).</summary>
    public static bool IsForeignClaim(string? contentType)
    {
        var type = Normalise(contentType);
        return type is not ("" or "application/octet-stream") && FromContentType(type) is null;
    }

    private static string Normalise(string? contentType) =>
        (contentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
}
