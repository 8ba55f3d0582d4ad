using System.Reflection;

namespace MyStamp.BuildingBlocks.Database;

/// <summary>One idempotent SQL script, identified by a name that sorts in the order it must run.</summary>
public sealed record SqlMigration(string Id, string Sql)
{
    /// <summary>
    /// Reads the scripts a module embeds under <c>Database/Migrations/*.sql</c>. The id is
    /// "module/0001_name" so that modules can number their scripts independently.
    /// </summary>
    public static IReadOnlyList<SqlMigration> FromEmbeddedResources(Assembly assembly, string module)
    {
        const string marker = ".Database.Migrations.";
        var migrations = new List<SqlMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(marker) && n.EndsWith(".sql")).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration {resource} cannot be read.");
            using var reader = new StreamReader(stream);
            var name = resource[(resource.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^".sql".Length];
            migrations.Add(new SqlMigration($"{module}/{name}", reader.ReadToEnd()));
        }
        return migrations;
    }
}

/// <summary>A module's contribution to the database schema; every module registers one.</summary>
public interface IModuleSchema
{
    IReadOnlyList<SqlMigration> Migrations { get; }
}
