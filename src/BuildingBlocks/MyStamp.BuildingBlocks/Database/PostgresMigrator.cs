using Npgsql;

namespace MyStamp.BuildingBlocks.Database;

/// <summary>
/// Applies the SQL scripts of every module at start-up. Each script is itself idempotent and runs once:
/// applied ids are recorded, and an advisory lock makes nodes that start together take turns.
/// </summary>
public static class PostgresMigrator
{
    // Any constant works; it only has to be the same on every node.
    private const long MigrationLockKey = 0x4D79_5374_616D_70;

    public static async Task<int> ApplyAsync(NpgsqlDataSource dataSource, IEnumerable<SqlMigration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey));
        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id         text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT id FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var count = 0;
        foreach (var migration in migrations)
        {
            if (applied.Contains(migration.Id))
            {
                continue;
            }
            await Execute(connection, migration.Sql, cancellationToken);
            await Execute(connection, "INSERT INTO schema_migrations (id) VALUES (@id)", cancellationToken, ("id", migration.Id));
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
