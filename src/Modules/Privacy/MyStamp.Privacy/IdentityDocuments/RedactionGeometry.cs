using MyStamp.BuildingBlocks.Errors;
using MyStamp.Privacy.Contracts;

namespace MyStamp.Privacy.IdentityDocuments;

/// <summary>A rectangle of whole pixels: columns [Left, Right), rows [Top, Bottom).</summary>
internal readonly record struct PixelRectangle(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
    public bool Contains(int x, int y) => x >= Left && x < Right && y >= Top && y < Bottom;
}

/// <summary>
/// Turns the rectangles drawn in the browser into pixel rectangles of the image. Rectangles are rounded
/// outwards, so a pixel the user partly covered is blacked out too, and clipped to the image.
/// </summary>
internal static class RedactionGeometry
{
    public const int MaxAreas = 20;

    public static IReadOnlyList<PixelRectangle> ToPixels(IReadOnlyList<RedactionArea> areas, int imageWidth, int imageHeight)
    {
        if (areas.Count == 0)
        {
            throw DomainException.Invalid("redactions", "Black out at least the photo and the national register (or card) number before sending.");
        }
        if (areas.Count > MaxAreas)
        {
            throw DomainException.Invalid("redactions", $"Draw at most {MaxAreas} rectangles.");
        }
        var rectangles = new List<PixelRectangle>(areas.Count);
        foreach (var area in areas)
        {
            if (!double.IsFinite(area.X) || !double.IsFinite(area.Y) || !double.IsFinite(area.Width) || !double.IsFinite(area.Height)
                || area.Width <= 0 || area.Height <= 0)
            {
                throw DomainException.Invalid("redactions", "Each rectangle needs a position and a width and height above zero.");
            }
            var left = Math.Max(0, (int)Math.Floor(area.X));
            var top = Math.Max(0, (int)Math.Floor(area.Y));
            var right = (int)Math.Min(imageWidth, Math.Ceiling(area.X + area.Width));
            var bottom = (int)Math.Min(imageHeight, Math.Ceiling(area.Y + area.Height));
            if (right <= left || bottom <= top)
            {
                throw DomainException.Invalid("redactions", "A rectangle lies outside the image.");
            }
            rectangles.Add(new PixelRectangle(left, top, right, bottom));
        }
        return rectangles;
    }
}
