using System.Diagnostics;
using MyStamp.Bench.Shared;
using Npgsql;

namespace MyStamp.Bench.Orders;

internal sealed record CeilingResult(double UpdatesPerSecond);

/// <summary>
/// The ceiling: how many single-row UPDATEs per second (one statement, autocommit, each connection its own
/// row) the same PostgreSQL takes with the same number of parallel connections.
/// </summary>
internal static class PostgresCeiling
{
    public static async Task<CeilingResult> Measure(string connectionString, int connections, int seconds)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var setup = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS bench_orders_ceiling;
            CREATE TABLE bench_orders_ceiling (id integer PRIMARY KEY, n bigint NOT NULL, at timestamptz NOT NULL);
            INSERT INTO bench_orders_ceiling SELECT g, 0, now() FROM generate_series(1, 1000) g;
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }

        var updates = 0L;
        using var progress = new Progress("orders: raw UPDATE ceiling", seconds);
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var ticker = Task.Run(async () =>
        {
            while (clock.Elapsed < deadline)
            {
                progress.Set((long)clock.Elapsed.TotalSeconds);
                await Task.Delay(250);
            }
            progress.Set(seconds);
        });
        await Task.WhenAll(Enumerable.Range(1, connections).Select(async worker =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("UPDATE bench_orders_ceiling SET n = n + 1, at = now() WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", worker);
            await command.PrepareAsync();
            while (clock.Elapsed < deadline)
            {
                await command.ExecuteNonQueryAsync();
                Interlocked.Increment(ref updates);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        await ticker;

        await using (var cleanup = dataSource.CreateCommand("DROP TABLE IF EXISTS bench_orders_ceiling"))
        {
            await cleanup.ExecuteNonQueryAsync();
        }
        return new CeilingResult(updates / elapsed);
    }
}
