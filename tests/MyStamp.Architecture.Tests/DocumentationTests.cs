using System.Text.RegularExpressions;

namespace MyStamp.Architecture.Tests;

/// <summary>
/// docs/ is how a newcomer learns the codebase without anything outside the repository. These tests keep it
/// true: the module graph it draws is the one the project files declare, every pair of modules that call
/// each other both ways says why, and every obligation of the privacy policy names tests that exist.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string Docs = Path.Combine(Repository.Root, "docs");

    [Fact]
    public void The_module_graph_in_the_architecture_document_is_the_one_the_project_files_declare()
    {
        var drawn = DrawnModuleGraph();
        var declared = Repository.ModuleGraph().ToDictionary(entry => entry.Key, entry => entry.Value.Count == 0 ? "—" : string.Join(", ", entry.Value));
        var differences = declared.Keys.Union(drawn.Keys)
            .Where(module => declared.GetValueOrDefault(module) != drawn.GetValueOrDefault(module))
            .Select(module => $"{module}: project files say [{declared.GetValueOrDefault(module, "(no module)")}], docs/architecture.md says [{drawn.GetValueOrDefault(module, "(missing)")}]")
            .ToList();
        Assert.True(differences.Count == 0, "Update the module graph in docs/architecture.md:\n" + string.Join('\n', differences));
    }

    [Fact]
    public void Every_pair_of_modules_calling_each_other_both_ways_says_why()
    {
        var graph = Repository.ModuleGraph();
        var pairs = graph.SelectMany(entry => entry.Value
                .Where(other => string.CompareOrdinal(entry.Key, other) < 0 && graph.TryGetValue(other, out var back) && back.Contains(entry.Key))
                .Select(other => $"{entry.Key} ↔ {other}"))
            .ToList();
        var explained = Section(File.ReadAllText(Path.Combine(Docs, "architecture.md")), "both-ways");
        var unexplained = pairs.Where(pair => !explained.Contains($"**{pair}**", StringComparison.Ordinal)).ToList();
        Assert.True(unexplained.Count == 0, "Say in docs/architecture.md (both-ways section) why these modules call each other both ways:\n" + string.Join('\n', unexplained));
    }

    [Fact]
    public void Every_obligation_names_at_least_one_test_and_every_named_test_exists()
    {
        var document = File.ReadAllText(Path.Combine(Docs, "privacy-obligations.md"));
        var sections = ObligationHeading().Split(document).Skip(1).Chunk(2).ToDictionary(chunk => chunk[0], chunk => chunk[1]);
        Assert.Equal(Enumerable.Range(1, 13).Select(n => $"O{n}"), sections.Keys);

        var testSources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .GroupBy(Path.GetFileNameWithoutExtension)
            .ToDictionary(group => group.Key!, group => string.Join('\n', group.Select(File.ReadAllText)));

        var problems = new List<string>();
        foreach (var (obligation, text) in sections)
        {
            var proofs = text[(text.IndexOf("Proved by:", StringComparison.Ordinal) is var at and >= 0 ? at : text.Length)..];
            var tests = NamedTest().Matches(proofs).Select(match => (Class: match.Groups[1].Value, Method: match.Groups[2].Value)).ToList();
            if (tests.Count == 0)
            {
                problems.Add($"{obligation} names no test");
            }
            problems.AddRange(tests
                .Where(test => !testSources.TryGetValue(test.Class, out var source) || !Regex.IsMatch(source, $@"\b(Task|void)\s+{test.Method}\s*\("))
                .Select(test => $"{obligation}: {test.Class}.{test.Method} does not exist"));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Nothing_in_the_repository_points_outside_it()
    {
        var offenders = new[] { "README.md" }.Select(file => Path.Combine(Repository.Root, file))
            .Concat(new[] { "docs", "src", "tests" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*", SearchOption.AllDirectories)))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(path => Path.GetExtension(path) is ".md" or ".cs" or ".cshtml" or ".json" or ".csproj")
            .Where(path => File.ReadAllText(path).Contains("../" + "shared/", StringComparison.Ordinal))
            .Select(Repository.Relative)
            .ToList();
        Assert.True(offenders.Count == 0, "These files cite a folder a clone does not have:\n" + string.Join('\n', offenders));
    }

    /// <summary>The module graph table between the module-graph markers: module → "A, B" (or "—").</summary>
    private static Dictionary<string, string> DrawnModuleGraph() =>
        Section(File.ReadAllText(Path.Combine(Docs, "architecture.md")), "module-graph")
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith('|') && !line.StartsWith("| module", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => cells[1]);

    private static string Section(string document, string name)
    {
        var start = document.IndexOf($"<!-- {name}:start -->", StringComparison.Ordinal);
        var end = document.IndexOf($"<!-- {name}:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs section '{name}' is missing its start/end markers");
        return document[start..end];
    }

    [GeneratedRegex(@"^## (O\d+)\b.*$", RegexOptions.Multiline)]
    private static partial Regex ObligationHeading();

    [GeneratedRegex(@"`([A-Z]\w+)\.([A-Za-z0-9_]+)`")]
    private static partial Regex NamedTest();
}
