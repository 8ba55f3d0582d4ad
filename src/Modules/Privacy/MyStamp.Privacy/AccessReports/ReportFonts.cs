using PdfSharp.Fonts;

namespace MyStamp.Privacy.AccessReports;

/// <summary>
/// PDFsharp finds no system fonts on Linux: the report embeds DejaVu Sans (licence beside the font files)
/// under a family name of its own, so it never depends on what the machine has installed.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "MyStamp Report Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly ReportFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Registers the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver is not ReportFonts && GlobalFontSettings.FallbackFontResolver is null)
            {
                // Another module installed its resolver first: ours answers for the family it does not know.
                GlobalFontSettings.FallbackFontResolver = Instance;
            }
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName)
    {
        if (faceName is not (Regular or Bold))
        {
            return null;
        }
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"MyStamp.Privacy.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
