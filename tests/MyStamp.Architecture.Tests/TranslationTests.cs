using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MyStamp.Architecture.Tests;

/// <summary>
/// Every text resource (src/**/X.resx, English) has its Dutch, French and German translation beside it, with every
/// key, a text in each, and the same placeholders: a page or message never falls back to English in one language.
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
                Assert.Equal(Placeholders(english), Placeholders(text));
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

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
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
