using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace MyStamp.Mail.Contracts;

/// <summary>
/// The templates of one module's mails, in its resource files (one <c>.resx</c> per language: the neutral file
/// is English, beside it <c>.nl</c>, <c>.fr</c> and <c>.de</c>). A template <c>X</c> is two entries,
/// <c>X.Subject</c> and <c>X.Body</c>, with named placeholders such as <c>{link}</c>.
/// <c>MailTemplateCompletenessTests</c> fails when a language misses an entry or a placeholder.
/// </summary>
public sealed partial class MailTemplates(ResourceManager resources)
{
    public ResourceManager Resources => resources;

    /// <summary>Renders template <paramref name="name"/> in <paramref name="language"/>, filling its placeholders.</summary>
    public RenderedMail Render(string name, string language, IReadOnlyDictionary<string, string> values)
    {
        var culture = CultureInfo.GetCultureInfo(MailLanguages.Normalise(language));
        var subject = Text($"{name}.Subject", culture);
        var body = Text($"{name}.Body", culture);
        return new RenderedMail(Fill(subject, values).ReplaceLineEndings(" ").Trim(), Fill(body, values).ReplaceLineEndings("\r\n"));
    }

    private string Text(string key, CultureInfo culture) =>
        resources.GetString(key, culture) ?? throw new InvalidOperationException($"The mail template entry {key} is missing.");

    /// <summary>Replaces every <c>{name}</c>; a placeholder without a value is a programming error, never sent half-filled.</summary>
    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The mail template has no value for {{{match.Groups[1].Value}}}."));

    /// <summary>The placeholders a text uses, for the completeness test.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string text) => Placeholder().Matches(text).Select(match => match.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
