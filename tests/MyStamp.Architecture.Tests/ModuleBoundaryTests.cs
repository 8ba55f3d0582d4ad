using static MyStamp.Architecture.Tests.Repository;

namespace MyStamp.Architecture.Tests;

/// <summary>
/// A module may use another module only through its Contracts project (DESIGN.md). These tests read
/// every .csproj under src/ and fail on a reference to another module's implementation.
/// </summary>
public class ModuleBoundaryTests
{
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
}
