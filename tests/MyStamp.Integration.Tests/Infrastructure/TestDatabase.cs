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
