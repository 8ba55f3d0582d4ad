using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MyStamp.Architecture.Tests;

/// <summary>
/// The one translation check. Every text resource (src/**/X.resx, English: pages, module messages, mail templates)
/// has its Dutch, French and German translation beside it, with every key, a text in each, and the same placeholders
/// (<c>{0}</c> in texts, <c>{firstName}</c> in mail templates): a page or a message never falls back to English in one
/// language. And no resource holds two keys that differ only in case: resgen keeps one of them with warning MSB3568,
/// which the build does not treat as an error, so a text would silently go missing.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string Root = FindRepositoryRoot();

    public static readonly string[] Languages = ["nl", "fr", "de"];

    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string>();
        foreach (var file in NeutralResources())
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }

    [Fact]
    public void The_web_edge_and_the_modules_have_their_texts_in_resources()
    {
        var found = NeutralResources().Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/')).ToList();
        Assert.Contains("src/Web/Languages/ShopText.resx", found);
        Assert.Contains("src/Web/Languages/AdminText.resx", found);
        Assert.Contains("src/Modules/Customers/MyStamp.Customers.Contracts/Messages/CustomersMessages.resx", found);
        Assert.Contains("src/Modules/Studio/MyStamp.Studio.Contracts/Messages/StudioMessages.resx", found);
        Assert.Contains("src/Modules/Orders/MyStamp.Orders.Contracts/Messages/OrdersMessages.resx", found);
        Assert.Contains("src/Modules/Privacy/MyStamp.Privacy.Contracts/Messages/PrivacyMessages.resx", found);
        Assert.Contains("src/Modules/Privacy/MyStamp.Privacy/AccessReports/AccessReportText.resx", found);
        // Every module that mails keeps its templates in a resource of its own.
        Assert.Contains("src/Modules/Customers/MyStamp.Customers/Mail/CustomerMail.resx", found);
        Assert.Contains("src/Modules/Orders/MyStamp.Orders/Mail/OrderMail.resx", found);
        Assert.Contains("src/Modules/Privacy/MyStamp.Privacy/Mail/PrivacyMail.resx", found);
        Assert.Contains("src/Modules/Retention/MyStamp.Retention/Notices/RetentionMail.resx", found);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void No_resource_has_two_keys_that_differ_only_in_case(string resource)
    {
        foreach (var path in Languages.Select(language => Path.ChangeExtension(resource, $".{language}.resx")).Prepend(resource)
                     .Select(file => Path.Combine(Root, file)).Where(File.Exists))
        {
            var clashes = Keys(path).GroupBy(key => key, StringComparer.OrdinalIgnoreCase)
                .Where(same => same.Count() > 1)
                .Select(same => string.Join(" / ", same))
                .ToList();
            Assert.True(clashes.Count == 0, $"{Path.GetFileName(path)} has keys that differ only in case (resgen drops one, MSB3568): {string.Join(" | ", clashes)}");
        }
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_key_of_a_resource_is_translated_into_every_language(string resource)
    {
        var neutral = Entries(Path.Combine(Root, resource));
        Assert.NotEmpty(neutral);
        foreach (var language in Languages)
        {
            var path = Path.Combine(Root, Path.ChangeExtension(resource, $".{language}.resx"));
            Assert.True(File.Exists(path), $"{resource} has no {language} translation");
            var translated = Entries(path);
            var missing = neutral.Keys.Except(translated.Keys).ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(path)} lacks: {string.Join(" | ", missing)}");
            var extra = translated.Keys.Except(neutral.Keys).ToList();
            Assert.True(extra.Count == 0, $"{Path.GetFileName(path)} has keys the English resource does not: {string.Join(" | ", extra)}");
            foreach (var (key, english) in neutral)
            {
                var text = translated[key];
                Assert.False(string.IsNullOrWhiteSpace(text), $"{Path.GetFileName(path)}: \"{key}\" is empty");
                Assert.True(Placeholders(english).SequenceEqual(Placeholders(text)),
                    $"{Path.GetFileName(path)}: \"{key}\" has other placeholders than in English");
                // A mail's sentences are never the same in two languages: an English text there was left untranslated.
                if (IsMailTemplate(resource) && english.Length > 30)
                {
                    Assert.True(english != text, $"{Path.GetFileName(path)}: \"{key}\" is not translated");
                }
            }
        }
    }

    private static IEnumerable<string> NeutralResources() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => !Languages.Any(language => file.EndsWith($".{language}.resx", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Entries(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>The keys as written, duplicates kept (<see cref="Entries"/> would fail on an exact duplicate first).</summary>
    private static List<string> Keys(string path) =>
        [.. XDocument.Load(path).Root!.Elements("data").Select(data => (string)data.Attribute("name")!)];

    private static bool IsMailTemplate(string resource) => Path.GetFileNameWithoutExtension(resource).EndsWith("Mail", StringComparison.Ordinal);

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal)];

    /// <summary>A format item (<c>{0}</c>) or a mail template's named placeholder (<c>{firstName}</c>).</summary>
    [GeneratedRegex(@"\{(\d+|[a-zA-Z]+)\}")]
    private static partial Regex Placeholder();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MyStamp.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("MyStamp.sln not found above the test binaries.");
    }
}
