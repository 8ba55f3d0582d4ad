using MyStamp.BuildingBlocks.Database;

namespace MyStamp.Silo.Database;

/// <summary>
/// The tables Orleans (clustering, grain storage, reminders) and Quartz need. Their NuGet packages
/// ship no SQL, so the project carries its own PostgreSQL scripts.
/// </summary>
public sealed class SiloSchema : IModuleSchema
{
    public IReadOnlyList<SqlMigration> Migrations { get; } = SqlMigration.FromEmbeddedResources(typeof(SiloSchema).Assembly, "platform");
}
