using System.Xml.Linq;

namespace MyStamp.Architecture.Tests;

/// <summary>The repository as the architecture tests read it: its root, its project files and their references.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static IEnumerable<string> ProjectsUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    public static IEnumerable<string> ReferencesOf(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(element => (string?)element.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', Path.DirectorySeparatorChar))));

    /// <summary>The module folder a project lives in (src/Modules/&lt;Module&gt;/…), or null outside modules.</summary>
    public static string? ModuleOf(string project)
    {
        var parts = Path.GetRelativePath(Root, project).Split(Path.DirectorySeparatorChar);
        return parts.Length > 3 && parts[0] == "src" && parts[1] == "Modules" ? parts[2] : null;
    }

    public static bool IsContracts(string project) => Path.GetFileNameWithoutExtension(project).EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>The Silo is the composition root: it alone wires module implementations together.</summary>
    public static bool IsComposition(string project) => Path.GetRelativePath(Root, project).StartsWith(Path.Combine("src", "Silo"), StringComparison.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    /// <summary>Which modules each module uses through their Contracts, as its project files declare.</summary>
    public static SortedDictionary<string, SortedSet<string>> ModuleGraph()
    {
        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var project in ProjectsUnder(Path.Combine(Root, "src", "Modules")))
        {
            var owner = ModuleOf(project)!;
            var uses = graph.TryGetValue(owner, out var known) ? known : graph[owner] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var target in ReferencesOf(project).Select(ModuleOf).OfType<string>().Where(target => target != owner))
            {
                uses.Add(target);
            }
        }
        return graph;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MyStamp.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("MyStamp.sln not found above the test binaries.");
    }
}
