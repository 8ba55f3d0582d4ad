using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyStamp.Keys.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace MyStamp.Keys.DataKeys;

/// <summary>A data key as stored: wrapped by the KEK named beside it.</summary>
internal sealed record WrappedKey(Guid Subject, string KekId, byte[] Wrapped);

/// <summary>
/// The table of wrapped data keys (<c>data_keys</c>), in the key store's own database so that operators back
/// it up on a shorter retention than the data (README, "Keys and backups"). One small row per data subject:
/// deleting a row is what erases a subject, and compacting this table (seconds) is the only rewrite erasure needs.
/// </summary>
internal sealed partial class KeyStore : IKeyStoreCompaction, IAsyncDisposable
{
    private const string Schema = """
        SELECT pg_advisory_xact_lock(7140001);
        CREATE TABLE IF NOT EXISTS data_keys (
            subject_id uuid PRIMARY KEY,
            kek_id text NOT NULL,
            wrapped bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            rewrapped_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS data_keys_by_kek ON data_keys (kek_id);
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<KeyStore> _logger;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    private readonly string _connectionString;
    private readonly bool _createDatabaseIfMissing;

    public KeyStore(IOptions<KeysOptions> options, ILogger<KeyStore> logger)
        : this(options.Value.ConnectionString, logger, options.Value.CreateDatabaseIfMissing)
    {
    }

    public KeyStore(string connectionString, ILogger<KeyStore> logger, bool createDatabaseIfMissing = false)
    {
        _connectionString = connectionString;
        _createDatabaseIfMissing = createDatabaseIfMissing;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _logger = logger;
    }

    public async Task<WrappedKey?> Find(Guid subject, CancellationToken cancellationToken = default)
    {
        await EnsureSchema(cancellationToken);
        await using var command = _dataSource.CreateCommand("SELECT kek_id, wrapped FROM data_keys WHERE subject_id = @subject");
        command.Parameters.AddWithValue("subject", subject);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new WrappedKey(subject, reader.GetString(0), (byte[])reader[1]) : null;
    }

    /// <summary>The keys of these subjects that exist, in one query.</summary>
    public async Task<IReadOnlyList<WrappedKey>> FindMany(IReadOnlyCollection<Guid> subjects, CancellationToken cancellationToken = default)
    {
        await EnsureSchema(cancellationToken);
        await using var command = _dataSource.CreateCommand("SELECT subject_id, kek_id, wrapped FROM data_keys WHERE subject_id = ANY(@subjects)");
        command.Parameters.AddWithValue("subjects", subjects as Guid[] ?? subjects.ToArray());
        var keys = new List<WrappedKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new WrappedKey(reader.GetGuid(0), reader.GetString(1), (byte[])reader[2]));
        }
        return keys;
    }

    /// <summary>Stores a new key unless the subject has one already; returns the one stored (its own or the other's).</summary>
    public async Task<WrappedKey> Add(WrappedKey key, CancellationToken cancellationToken = default)
    {
        await EnsureSchema(cancellationToken);
        await using var command = _dataSource.CreateCommand("""
            WITH added AS (
                INSERT INTO data_keys (subject_id, kek_id, wrapped) VALUES (@subject, @kek, @wrapped)
                ON CONFLICT (subject_id) DO NOTHING
                RETURNING kek_id, wrapped)
            SELECT kek_id, wrapped FROM added
            UNION ALL
            SELECT kek_id, wrapped FROM data_keys WHERE subject_id = @subject AND NOT EXISTS (SELECT 1 FROM added)
            """);
        command.Parameters.AddWithValue("subject", key.Subject);
        command.Parameters.AddWithValue("kek", key.KekId);
        command.Parameters.AddWithValue("wrapped", NpgsqlDbType.Bytea, key.Wrapped);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Deleted between the two statements' snapshots: insert again on the next call.
            throw new InvalidOperationException("The data key was destroyed while it was being created; retry.");
        }
        return new WrappedKey(key.Subject, reader.GetString(0), (byte[])reader[1]);
    }

    /// <summary>Deletes these subjects' keys in one statement (one transaction, however many). Idempotent.</summary>
    public async Task Delete(IReadOnlyCollection<Guid> subjects, CancellationToken cancellationToken = default)
    {
        await EnsureSchema(cancellationToken);
        await using var command = _dataSource.CreateCommand("DELETE FROM data_keys WHERE subject_id = ANY(@subjects)");
        command.Parameters.AddWithValue("subjects", subjects as Guid[] ?? subjects.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A batch of keys not wrapped by <paramref name="kekId"/>, for the rotation.</summary>
    public async Task<IReadOnlyList<WrappedKey>> NotWrappedBy(string kekId, int limit, CancellationToken cancellationToken = default)
    {
        await EnsureSchema(cancellationToken);
        await using var command = _dataSource.CreateCommand("SELECT subject_id, kek_id, wrapped FROM data_keys WHERE kek_id <> @kek ORDER BY subject_id LIMIT @limit");
        command.Parameters.AddWithValue("kek", kekId);
        command.Parameters.AddWithValue("limit", limit);
        var keys = new List<WrappedKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new WrappedKey(reader.GetGuid(0), reader.GetString(1), (byte[])reader[2]));
        }
        return keys;
    }

    /// <summary>
    /// Replaces wrapped keys in one transaction, each only if it is still wrapped as read (a key destroyed
    /// meanwhile stays destroyed). Returns how many were replaced.
    /// </summary>
    public async Task<int> Rewrap(IReadOnlyList<(WrappedKey Old, WrappedKey New)> keys, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var replaced = 0;
        foreach (var (old, rewrapped) in keys)
        {
            await using var command = new NpgsqlCommand("UPDATE data_keys SET kek_id = @kek, wrapped = @wrapped, rewrapped_at = now() WHERE subject_id = @subject AND kek_id = @old", connection, transaction);
            command.Parameters.AddWithValue("subject", old.Subject);
            command.Parameters.AddWithValue("old", old.KekId);
            command.Parameters.AddWithValue("kek", rewrapped.KekId);
            command.Parameters.AddWithValue("wrapped", NpgsqlDbType.Bytea, rewrapped.Wrapped);
            replaced += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return replaced;
    }

    /// <summary>How many keys each KEK wraps.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByKek(CancellationToken cancellationToken = default)
    {
        await EnsureSchema(cancellationToken);
        await using var command = _dataSource.CreateCommand("SELECT kek_id, count(*) FROM data_keys GROUP BY kek_id ORDER BY kek_id");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>
    /// Rewrites the key table (VACUUM FULL: it is small, so the lock lasts a moment), then checkpoints and switches
    /// the write-ahead log, so that destroyed keys leave the disk of the key store too.
    /// </summary>
    public async Task<bool> Compact(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureSchema(cancellationToken);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            foreach (var sql in new[] { "SET lock_timeout = '10s'", "VACUUM FULL data_keys", "CHECKPOINT", "SELECT pg_switch_wal()", "CHECKPOINT" })
            {
                await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            LogCompacted();
            return true;
        }
        catch (PostgresException exception)
        {
            LogCompactionFailed(exception, exception.SqlState);
            return false;
        }
    }

    private async Task EnsureSchema(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await CreateDatabaseWhenMissing(cancellationToken);
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(Schema, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>The default key store (beside the data database) is created on first use, like ./mystamp would.</summary>
    private async Task CreateDatabaseWhenMissing(CancellationToken cancellationToken)
    {
        if (!_createDatabaseIfMissing)
        {
            return;
        }
        try
        {
            await using var probe = await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var builder = new NpgsqlConnectionStringBuilder(_connectionString);
            var name = builder.Database!;
            builder.Database = "postgres";
            builder.Pooling = false;
            await using var server = new NpgsqlConnection(builder.ConnectionString);
            await server.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", server);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException raced) when (raced.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another node made it first: 42P04 when its database was there before ours started, 23505 (the
                // unique index of pg_database) when both were being created at once. Either way it exists now.
            }
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Key store compacted: destroyed data keys rewritten out of the table, write-ahead log switched")]
    private partial void LogCompacted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key store compaction failed ({SqlState}); destroyed keys may stay on the key store's disk until PostgreSQL reuses the space")]
    private partial void LogCompactionFailed(Exception exception, string sqlState);
}
