using System.Globalization;

namespace MyStamp.Mail.Contracts;

/// <summary>The languages every mail is written in: Belgium's three official languages and English.</summary>
public static class MailLanguages
{
    public const string Dutch = "nl";
    public const string French = "fr";
    public const string German = "de";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Dutch, French, German, English];

    /// <summary>The policy's own language: used when nothing says which language someone reads.</summary>
    public const string Default = Dutch;

    /// <summary>One of <see cref="All"/> for any language tag (<c>fr-BE</c> → <c>fr</c>); <see cref="Default"/> for anything else.</summary>
    public static string Normalise(string? language)
    {
        var primary = (language ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return All.Contains(primary) ? primary : Default;
    }

    /// <summary>The Belgian culture of a language, for dates and amounts in a mail (<c>fr</c> → <c>fr-BE</c>).</summary>
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Normalise(language) + "-BE");
}
