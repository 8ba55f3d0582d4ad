using MyStamp.BuildingBlocks.Errors;
using MyStamp.Studio.Contracts;

namespace MyStamp.Studio.Formats;

/// <summary>Where a stamp's picture comes from in the photo: the rules a crop must keep.</summary>
internal static class CropGeometry
{
    /// <summary>The largest crop of the format's aspect ratio that fits the photo, centred.</summary>
    public static Crop Centred(int photoWidth, int photoHeight, StampFormatSize format)
    {
        var aspect = format.AspectRatio;
        int width, height;
        if ((double)photoWidth / photoHeight >= aspect)
        {
            height = photoHeight;
            width = Math.Min(photoWidth, (int)Math.Round(photoHeight * aspect));
        }
        else
        {
            width = photoWidth;
            height = Math.Min(photoHeight, (int)Math.Round(photoWidth / aspect));
        }
        return new Crop((photoWidth - width) / 2, (photoHeight - height) / 2, width, height);
    }

    /// <summary>
    /// True when the crop has the format's aspect ratio, up to the one pixel that rounding to whole pixels
    /// may cost on either side.
    /// </summary>
    public static bool HasAspectOf(Crop crop, StampFormatSize format) =>
        crop.Width > 0 && crop.Height > 0
        && (Math.Abs(crop.Width - crop.Height * format.AspectRatio) <= 1.0 || Math.Abs(crop.Height - crop.Width / format.AspectRatio) <= 1.0);

    /// <summary>The field errors of a crop for this photo and format: empty when the crop can be printed.</summary>
    public static FieldErrors Check(Crop crop, int photoWidth, int photoHeight, StampFormatSize format)
    {
        var errors = new FieldErrors();
        if (crop.Width <= 0 || crop.Height <= 0)
        {
            return errors.Add("crop", "The crop needs a positive width and height.");
        }
        if (crop.X < 0 || crop.Y < 0 || (long)crop.X + crop.Width > photoWidth || (long)crop.Y + crop.Height > photoHeight)
        {
            errors.Add("crop", $"The crop must lie inside the photo ({photoWidth} × {photoHeight} pixels).");
        }
        if (!HasAspectOf(crop, format))
        {
            errors.Add("crop", $"The crop must have the {format.Name.ToLowerInvariant()} format's proportions ({format.PictureWidthMm:0.#} : {format.PictureHeightMm:0.#}).");
        }
        if (crop.Width < format.PrintWidthPx || crop.Height < format.PrintHeightPx)
        {
            errors.Add("crop", $"The crop must be at least {format.PrintWidthPx} × {format.PrintHeightPx} pixels to print at {StampFormatSize.PrintDpi} DPI.");
        }
        return errors;
    }

    /// <summary>True when the photo holds a crop of the format large enough to print at 300 DPI.</summary>
    public static bool CanPrint(int photoWidth, int photoHeight, StampFormatSize format) =>
        photoWidth >= format.PrintWidthPx && photoHeight >= format.PrintHeightPx;
}
