using System.Globalization;
using System.Resources;
using MyStamp.Mail.Contracts;

namespace MyStamp.Privacy.AccessReports;

/// <summary>
/// What the customer reads in their own language, outside the web pages: the access-report PDF (<c>AccessReportText*.resx</c>)
/// and the export's readme (<c>Export/ExportText*.resx</c>), keyed by the English text, with dates and numbers in that
/// language's Belgian format.
/// </summary>
internal sealed class ReportLanguage
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private readonly ResourceManager _texts;
    private readonly CultureInfo _language;

    /// <param name="language">nl, fr, de or en (anything else reads as Dutch, the policy's language).</param>
    public ReportLanguage(ResourceManager texts, string? language)
    {
        _texts = texts;
        Code = MailLanguages.Normalise(language);
        _language = CultureInfo.GetCultureInfo(Code);
        Culture = MailLanguages.Culture(Code);
    }

    public string Code { get; }

    /// <summary>The Belgian culture of the language (nl-BE, fr-BE, de-BE, en-BE): dates and numbers.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The text in the language; a text the resource does not know (register content) stays as it is.</summary>
    public string this[string english] => _texts.GetString(english, _language) ?? english;

    public string this[string english, params object[] values] => string.Format(Culture, this[english], values);

    /// <summary>"2 december 2026", "2 décembre 2026", "2. Dezember 2026".</summary>
    public string Date(DateOnly date) => date.ToString(Code == MailLanguages.German ? "d. MMMM yyyy" : "d MMMM yyyy", Culture);

    /// <summary>A moment as the Brussels clock showed it: "2 december 2026, 14:05".</summary>
    public string Moment(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Brussels);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))}, {local.ToString("HH:mm", Culture)}";
    }
}
