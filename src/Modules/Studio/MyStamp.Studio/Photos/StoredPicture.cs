using MyStamp.BuildingBlocks.Imaging;
using MyStamp.Studio.Contracts;
using SixLabors.ImageSharp.PixelFormats;

namespace MyStamp.Studio.Photos;

/// <summary>
/// A stored image of a design and the part of the upright photo it shows, in the photo's pixels: the whole
/// photo for the cleaned upload and its screen copy, only the crop for the print master. The cleaned upload of a
/// JPEG lies as the camera wrote it: <see cref="Orientation"/> (EXIF numbering) turns it upright.
/// </summary>
internal sealed record StoredPicture(byte[] Content, Crop Shows, ushort Orientation = PhotoIntake.Upright)
{
    /// <summary>How many times the output's pixels a source must have across the crop to be rendered from.</summary>
    public const double OversampleFactor = 2;

    /// <summary>
    /// True when the screen copy (longest edge <see cref="PhotoIntake.ScreenLongEdge"/>) still has
    /// <paramref name="oversample"/> times the output's pixels across the crop (twice for a preview or sheet, so
    /// that the final Lanczos resampling has detail to work from; once for a print master, which is itself the
    /// oversampled source): then it is rendered from, several times faster than decoding every pixel of a 12 MP photo.
    /// </summary>
    public static bool ScreenCopySuffices(int photoWidth, int photoHeight, Crop crop, int outputWidth, int outputHeight, double oversample = OversampleFactor)
    {
        var scale = Math.Min(1.0, (double)PhotoIntake.ScreenLongEdge / Math.Max(photoWidth, photoHeight));
        return crop.Width * scale >= oversample * outputWidth && crop.Height * scale >= oversample * outputHeight;
    }
}

internal static class StoredPictureLoading
{
    /// <summary>Decodes the stored image and returns it with the crop in its own pixels.</summary>
    public static async Task<(SixLabors.ImageSharp.Image<Rgba32> Image, Crop Crop)> LoadForCrop(
        this ImagingGate gate, StoredPicture source, Crop crop, CancellationToken cancellation)
    {
        var image = await gate.Decode<Rgba32>(source.Content, PhotoIntake.Subject, cancellation);
        PhotoIntake.Orient(image, source.Orientation);
        var (sx, sy) = ((double)image.Width / source.Shows.Width, (double)image.Height / source.Shows.Height);
        var left = Math.Clamp((int)Math.Floor((crop.X - source.Shows.X) * sx), 0, image.Width - 1);
        var top = Math.Clamp((int)Math.Floor((crop.Y - source.Shows.Y) * sy), 0, image.Height - 1);
        var right = Math.Clamp((int)Math.Ceiling((crop.X + crop.Width - source.Shows.X) * sx), left + 1, image.Width);
        var bottom = Math.Clamp((int)Math.Ceiling((crop.Y + crop.Height - source.Shows.Y) * sy), top + 1, image.Height);
        return (image, new Crop(left, top, right - left, bottom - top));
    }
}
