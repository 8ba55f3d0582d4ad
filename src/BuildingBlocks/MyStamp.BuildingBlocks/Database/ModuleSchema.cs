namespace MyStamp.BuildingBlocks.Database;

/// <summary>A module schema given as a plain list of scripts.</summary>
public sealed record ModuleSchema(IReadOnlyList<SqlMigration> Migrations) : IModuleSchema;
