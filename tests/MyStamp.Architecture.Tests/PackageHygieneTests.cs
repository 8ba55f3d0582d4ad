using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;

namespace MyStamp.Architecture.Tests;

/// <summary>
/// What the solution depends on is deliberate: every package version named centrally is used by some project,
/// licences stay as chosen, and the browser libraries vendored under wwwroot are byte for byte the npm packages
/// recorded in src/Web/client-libraries.json.
/// </summary>
public class PackageHygieneTests
{
    private static readonly string Root = Repository.Root;

    private static IReadOnlyDictionary<string, string> CentralVersions() =>
        XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(element => (string)element.Attribute("Include")!, element => (string)element.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Every_package_named_centrally_is_referenced_by_a_project()
    {
        // Projects, and the Directory.Build.props that give every test project its test SDK.
        var referenced = Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Root, "Directory.Build.props", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}.data{Path.DirectorySeparatorChar}"))
            .SelectMany(project => XDocument.Load(project).Descendants("PackageReference"))
            .Select(element => (string?)element.Attribute("Include"))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unused = CentralVersions().Keys.Where(package => !referenced.Contains(package)).ToList();

        Assert.True(unused.Count == 0, "named in Directory.Packages.props but used by no project: " + string.Join(", ", unused));
    }

    [Fact]
    public void Packages_folded_into_others_or_outgrown_stay_out()
    {
        var versions = CentralVersions();

        // Quartz 4 holds its hosting and System.Text.Json serializer itself.
        Assert.DoesNotContain("Quartz.Extensions.Hosting", versions.Keys);
        Assert.DoesNotContain("Quartz.Serialization.SystemTextJson", versions.Keys);
        // PDFsharp 6.5 names the AGPL as its licence; 6.2 is MIT.
        Assert.StartsWith("6.2.", versions["PDFsharp"], StringComparison.Ordinal);
        Assert.Equal("10.0.3", versions["Npgsql"]);
    }

    [Fact]
    public void The_vendored_browser_libraries_are_the_npm_packages_recorded()
    {
        var web = Path.Combine(Root, "src", "Web");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "client-libraries.json")));
        var libraries = manifest.RootElement.GetProperty("libraries").EnumerateArray().ToList();

        Assert.Contains(libraries, library => library.GetProperty("package").GetString() == "@microsoft/signalr");
        foreach (var library in libraries)
        {
            Assert.Matches(@"^\d+\.\d+\.\d+$", library.GetProperty("version").GetString());
            Assert.StartsWith("sha512-", library.GetProperty("integrity").GetString(), StringComparison.Ordinal);
            foreach (var file in library.GetProperty("files").EnumerateArray())
            {
                var bytes = File.ReadAllBytes(Path.Combine(web, file.GetProperty("to").GetString()!));
                Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
        }
    }

    [Fact]
    public void Every_page_loading_a_vendored_library_asks_for_its_current_version()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Root, "src", "Web"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(page => File.ReadLines(page).Select(line => (page, line)))
            .Where(entry => entry.line.Contains("src=\"~/lib/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(pages);
        // asp-append-version adds the file's hash to the URL: a browser never keeps an old client after an upgrade.
        Assert.All(pages, entry => Assert.Contains("asp-append-version=\"true\"", entry.line, StringComparison.Ordinal));
    }
}
