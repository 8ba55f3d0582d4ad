using Npgsql;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>The PostgreSQL database that <c>./mystamp test</c> created for this run.</summary>
public static class TestDatabase
{
    public const string Variable = "MYSTAMP_TEST_DATABASE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with ./mystamp test, which starts PostgreSQL and creates a database for the run.");

    public static NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>
    /// Creates an empty database beside the run's and returns its connection string, for tests that must
    /// be alone: a clock moved years ahead (the Quartz sweep would otherwise erase other tests' customers) or a
    /// scan of every table. Drop it with <see cref="DropIsolated"/>.
    /// </summary>
    public static async Task<string> CreateIsolated(string purpose)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        // 58 characters at most: its key store beside it is named with "_keys" (PostgreSQL names stop at 63).
        var name = $"{builder.Database}_{purpose}_{Guid.NewGuid():N}"[..58].TrimEnd('_');
        await using (var dataSource = CreateDataSource())
        await using (var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await command.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateIsolated"/> and its key store beside it (which a node creates on
    /// first use), closing what still uses them.
    /// </summary>
    public static async Task DropIsolated(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var dataSource = CreateDataSource();
        foreach (var database in new[] { name, name + "_keys" })
        {
            await using var command = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The key store beside a database: named after it with "_keys" (the nodes' default).</summary>
    public static string KeysConnectionStringFor(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = new NpgsqlConnectionStringBuilder(connectionString).Database + "_keys" }.ConnectionString;

    public static async Task<T?> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }
}
