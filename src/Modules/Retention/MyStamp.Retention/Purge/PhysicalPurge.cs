using Microsoft.Extensions.Logging;
using Npgsql;

namespace MyStamp.Retention.Purge;

/// <summary>
/// Makes erased rows leave the disk, not only the tables (O7). A DELETE in PostgreSQL only marks a row
/// dead: its bytes stay in the table's file until the space is reused, and a plain VACUUM frees the space
/// without overwriting it. VACUUM FULL rewrites each table into a new file and deletes the old one. The
/// write-ahead log still holds the rows as they were written, so the log is switched and checkpointed twice:
/// the segments before it are then deleted (the cluster runs with <c>wal_recycle = off</c>, else PostgreSQL
/// would rename them for reuse with their old bytes inside; see the README).
/// Runs after a sweep when something was erased since the previous purge. VACUUM FULL locks each table while
/// it rewrites it, which is why it runs at night with the sweep, and not after every single erasure.
/// </summary>
internal sealed partial class PhysicalPurge(NpgsqlDataSource dataSource, ILogger<PhysicalPurge> logger)
{
    // Tables that never hold personal data and that the running scheduler and cluster keep locked or busy.
    private const string TablesToCompact = """
        SELECT quote_ident(tablename) FROM pg_tables
        WHERE schemaname = current_schema()
          AND tablename NOT LIKE 'qrtz\_%'
          AND tablename NOT LIKE 'orleansmembership%'
          AND tablename NOT IN ('orleansquery', 'schema_migrations', 'retention_sweeps')
        ORDER BY tablename
        """;

    public async Task<bool> Run(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(TablesToCompact, connection))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }
            await using (var recycle = new NpgsqlCommand("SHOW wal_recycle", connection))
            {
                if (await recycle.ExecuteScalarAsync(cancellationToken) is "on")
                {
                    LogRecycling();
                }
            }
            // Wait for a busy table at most this long rather than hold up every grain behind the lock queue.
            await Execute(connection, "SET lock_timeout = '30s'", cancellationToken);
            foreach (var table in tables)
            {
                await Execute(connection, $"VACUUM FULL {table}", cancellationToken);
            }
            await Execute(connection, "CHECKPOINT", cancellationToken);
            await Execute(connection, "SELECT pg_switch_wal()", cancellationToken);
            await Execute(connection, "CHECKPOINT", cancellationToken);
            LogPurged(tables.Count);
            return true;
        }
        catch (PostgresException exception)
        {
            // E.g. a database role without the right to CHECKPOINT: the erasure itself stands; tell the operator.
            LogFailed(exception, exception.SqlState);
            return false;
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Physical purge: {Tables} tables rewritten, write-ahead log switched")]
    private partial void LogPurged(int tables);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL runs with wal_recycle = on: recycled write-ahead log segments keep erased rows until overwritten; set wal_recycle = off")]
    private partial void LogRecycling();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Physical purge failed ({SqlState}); erased rows may stay on disk until PostgreSQL reuses their space")]
    private partial void LogFailed(Exception exception, string sqlState);
}
