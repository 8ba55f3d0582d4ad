using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using MyStamp.Mail.Contracts;

namespace MyStamp.Integration.Tests.Mail;

/// <summary>
/// Every mail template of every module exists in Dutch, French, German and English, with the same placeholders.
/// The templates are found, not listed: every <c>*Mail</c> resource of a MyStamp assembly, so a module's new mail is
/// checked without touching this test.
/// </summary>
public class MailTemplateCompletenessTests
{
    private static readonly string[] TranslatedLanguages = [MailLanguages.Dutch, MailLanguages.French, MailLanguages.German];

    public static TheoryData<string> TemplateSets()
    {
        var data = new TheoryData<string>();
        foreach (var name in MailResources().Select(resource => resource.BaseName))
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void Every_module_that_mails_has_its_templates_found()
    {
        var found = MailResources().Select(resource => resource.BaseName).ToList();
        Assert.Contains("MyStamp.Customers.Mail.CustomerMail", found);
        Assert.Contains("MyStamp.Orders.Mail.OrderMail", found);
        Assert.Contains("MyStamp.Privacy.Mail.PrivacyMail", found);
        Assert.Contains("MyStamp.Retention.Notices.RetentionMail", found);
    }

    [Theory]
    [MemberData(nameof(TemplateSets))]
    public void Every_entry_exists_in_every_language_with_the_same_placeholders(string baseName)
    {
        var (_, resources) = MailResources().Single(resource => resource.BaseName == baseName);
        var english = Entries(resources, CultureInfo.InvariantCulture);
        Assert.NotEmpty(english);
        foreach (var language in TranslatedLanguages)
        {
            var translated = Entries(resources, CultureInfo.GetCultureInfo(language));
            Assert.True(english.Keys.ToHashSet().SetEquals(translated.Keys),
                $"{baseName} in {language}: missing {string.Join(", ", english.Keys.Except(translated.Keys))}; unknown {string.Join(", ", translated.Keys.Except(english.Keys))}");
            foreach (var (key, text) in english)
            {
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{baseName}.{key} is empty in {language}");
                Assert.True(MailTemplates.PlaceholdersOf(text).SetEquals(MailTemplates.PlaceholdersOf(translated[key])),
                    $"{baseName}.{key} in {language} has other placeholders than in English");
                if (text.Length > 30)
                {
                    Assert.True(text != translated[key], $"{baseName}.{key} is not translated into {language}");
                }
            }
        }
    }

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture)
    {
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"{resources.BaseName} has no resource file for {culture.Name}");
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);
    }

    /// <summary>Every <c>…Mail.resources</c> embedded in a MyStamp assembly of the node.</summary>
    private static IEnumerable<(string BaseName, ResourceManager Resources)> MailResources() =>
        Directory.GetFiles(AppContext.BaseDirectory, "MyStamp.*.dll")
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .SelectMany(assembly => assembly.GetManifestResourceNames()
                .Where(name => name.EndsWith("Mail.resources", StringComparison.Ordinal))
                .Select(name => name[..^".resources".Length])
                .Select(baseName => (baseName, new ResourceManager(baseName, assembly))))
            .OrderBy(resource => resource.baseName, StringComparer.Ordinal)
            .Select(resource => (resource.baseName, resource.Item2));
}
