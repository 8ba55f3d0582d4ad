using System.Text.RegularExpressions;

namespace MyStamp.Web.Privacy;

/// <summary>
/// The policy is stored as plain text (the source document marks italics with &lt;i&gt; and links as
/// [label](#)). Pages show it as escaped paragraphs: the markers are dropped, never rendered as HTML.
/// </summary>
public static partial class PolicyText
{
    public static IReadOnlyList<string> Paragraphs(string text)
    {
        var plain = Italics().Replace(text, "");
        plain = Links().Replace(plain, "$1");
        return BlankLines().Split(plain.Replace("\r", "", StringComparison.Ordinal))
            .Select(paragraph => paragraph.Trim('\n'))
            .Where(paragraph => paragraph.Trim().Length > 0)
            .ToList();
    }

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>A moment as a date in Brussels, the way the policy counts dates, written in the reader's language.</summary>
    public static string BrusselsDate(DateTimeOffset instant) =>
        MyStamp.Web.Languages.ShopLanguages.LongDate(TimeZoneInfo.ConvertTime(instant, Brussels).DateTime);

    /// <summary>The time of day a moment was in Brussels ("14:05").</summary>
    public static string BrusselsTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Brussels).ToString("HH:mm", System.Globalization.CultureInfo.CurrentCulture);

    [GeneratedRegex("</?i>", RegexOptions.IgnoreCase)]
    private static partial Regex Italics();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Links();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
