using System.Xml.Linq;

namespace MyStamp.Architecture.Tests;

/// <summary>
/// A module may use another module only through its Contracts project (DESIGN.md). These tests read
/// every .csproj under src/ and fail on a reference to another module's implementation.
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly string Root = FindRepositoryRoot();

    [Fact]
    public void Modules_reference_other_modules_only_through_their_contracts()
    {
        var violations = new List<string>();
        foreach (var project in ProjectsUnder(Path.Combine(Root, "src")))
        {
            var owner = ModuleOf(project);
            foreach (var reference in ReferencesOf(project))
            {
                var target = ModuleOf(reference);
                if (target is null || target == owner || IsContracts(reference) || IsComposition(project))
                {
                    continue;
                }
                violations.Add($"{Relative(project)} -> {Relative(reference)}");
            }
        }
        Assert.True(violations.Count == 0, "Module implementations referenced from outside their module:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Contracts_projects_reference_no_implementation_project()
    {
        var violations = ProjectsUnder(Path.Combine(Root, "src"))
            .Where(IsContracts)
            .SelectMany(project => ReferencesOf(project)
                .Where(reference => ModuleOf(reference) is not null && !IsContracts(reference))
                .Select(reference => $"{Relative(project)} -> {Relative(reference)}"))
            .ToList();
        Assert.True(violations.Count == 0, "Contracts must stay free of implementations:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_web_edge_uses_modules_only_through_their_contracts()
    {
        var web = Path.Combine(Root, "src", "Web", "MyStamp.Web.csproj");
        var violations = ReferencesOf(web).Where(reference => ModuleOf(reference) is not null && !IsContracts(reference)).Select(Relative).ToList();
        Assert.True(violations.Count == 0, "src/Web references module implementations:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_rule_catches_a_reference_to_an_implementation()
    {
        // Guards the guard: a project file naming another module's implementation must be reported.
        var owner = Path.Combine(Root, "src", "Modules", "Orders", "MyStamp.Orders", "MyStamp.Orders.csproj");
        var forbidden = Path.Combine(Root, "src", "Modules", "Customers", "MyStamp.Customers", "MyStamp.Customers.csproj");
        Assert.NotEqual(ModuleOf(owner), ModuleOf(forbidden));
        Assert.False(IsContracts(forbidden));
        Assert.False(IsComposition(owner));
    }

    private static IEnumerable<string> ProjectsUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    private static IEnumerable<string> ReferencesOf(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(element => (string?)element.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', Path.DirectorySeparatorChar))));

    /// <summary>The module folder a project lives in (src/Modules/&lt;Module&gt;/…), or null outside modules.</summary>
    private static string? ModuleOf(string project)
    {
        var parts = Path.GetRelativePath(Root, project).Split(Path.DirectorySeparatorChar);
        return parts.Length > 3 && parts[0] == "src" && parts[1] == "Modules" ? parts[2] : null;
    }

    private static bool IsContracts(string project) => Path.GetFileNameWithoutExtension(project).EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>The Silo is the composition root: it alone wires module implementations together.</summary>
    private static bool IsComposition(string project) => Path.GetRelativePath(Root, project).StartsWith(Path.Combine("src", "Silo"), StringComparison.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

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
