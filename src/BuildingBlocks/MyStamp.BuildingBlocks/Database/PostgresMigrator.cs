using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace MyStamp.BuildingBlocks.Database;

/// <summary>
/// Applies the SQL scripts of every module at start-up. Each script is itself idempotent and runs once:
/// applied ids are recorded with the SHA-256 of the script, and an advisory lock makes nodes that start
/// together take turns. A script edited after it was applied is refused, and the node does not start: the
/// database would silently differ from what the script now says (write a new script instead).
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
            );
            ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text
            """, cancellationToken);

        var applied = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        var count = 0;
        foreach (var migration in migrations)
        {
            var checksum = Checksum(migration.Sql);
            if (applied.TryGetValue(migration.Id, out var recorded))
            {
                if (recorded is null)
                {
                    // Applied before checksums were recorded: what is here now is taken as what ran.
                    await Execute(connection, "UPDATE schema_migrations SET checksum = @checksum WHERE id = @id", cancellationToken, ("checksum", checksum), ("id", migration.Id));
                }
                else if (recorded != checksum)
                {
                    throw new EditedMigrationException(migration.Id, recorded, checksum);
                }
                continue;
            }
            await Execute(connection, migration.Sql, cancellationToken);
            await Execute(connection, "INSERT INTO schema_migrations (id, checksum) VALUES (@id, @checksum)", cancellationToken, ("id", migration.Id), ("checksum", checksum));
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>SHA-256 of the script with its line endings as LF, so that a checkout with CRLF is not an edit.</summary>
    public static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));

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

/// <summary>A migration script differs from the one applied to this database: the node stops rather than run on a schema it cannot vouch for.</summary>
public sealed class EditedMigrationException(string id, string recorded, string current) : Exception(
    $"Migration '{id}' was edited after it was applied to this database (applied SHA-256 {recorded}, now {current}). " +
    "Restore the script as it was and put the change in a new script.")
{
    public string MigrationId { get; } = id;
}
