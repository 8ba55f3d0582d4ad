using SixLabors.ImageSharp;

namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>What an image says about where, when and with what it was made, which nobody here may keep.</summary>
public static class ImageMetadata
{
    /// <summary>Removes every metadata profile (EXIF with GPS and camera, IPTC, XMP, ICC), of the image and of each frame.</summary>
    public static void Strip(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }
}
