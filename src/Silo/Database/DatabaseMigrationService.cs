using MyStamp.BuildingBlocks.Database;
using Npgsql;

namespace MyStamp.Silo.Database;

/// <summary>
/// Brings the schema up to date before anything else starts. Registered before Orleans so that its
/// StartAsync runs first: the silo's clustering needs the membership table on its first call.
/// </summary>
internal sealed partial class DatabaseMigrationService(
    NpgsqlDataSource dataSource,
    IEnumerable<IModuleSchema> schemas,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The silo's own schema first: module tables may refer to nothing of it, but Orleans needs it.
        var ordered = schemas.OrderBy(schema => schema is SiloSchema ? 0 : 1).SelectMany(schema => schema.Migrations);
        var applied = await PostgresMigrator.ApplyAsync(dataSource, ordered, cancellationToken);
        LogMigrated(applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Applied} new scripts applied)")]
    private partial void LogMigrated(int applied);
}
