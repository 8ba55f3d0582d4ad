using System.Collections.Concurrent;
using System.Diagnostics;
using MyStamp.Bench.Shared;
using Npgsql;

namespace MyStamp.Bench.Orders;

internal sealed record PlacementResult(int Orders, double Seconds, IReadOnlyList<double> Latencies, IReadOnlyList<(double X, double Y)> RateOverTime,
    double ServerCpuMs, double PostgresCpuMs, double JitCpuMs)
{
    /// <summary>The part of the servers' CPU their JIT spent compiling hot methods again (see <see cref="CpuTime.JitSince"/>).</summary>
    public double JitShare => ServerCpuMs <= 0 ? 0 : JitCpuMs / ServerCpuMs;

    public double ServerCpuMsPerOrder => ServerCpuMs / Orders;

    public double PostgresCpuMsPerOrder => PostgresCpuMs / Orders;

    public double PerSecond => Orders / Seconds;

    public Percentiles Latency => Percentiles.Of(Latencies.ToArray());

    /// <summary>Two timed parts of one run as one: their orders over their summed time, the second's curve after the first's.</summary>
    public PlacementResult Then(PlacementResult next) => new(Orders + next.Orders, Seconds + next.Seconds, [.. Latencies, .. next.Latencies],
        [.. RateOverTime, .. next.RateOverTime.Select(point => (point.X + Math.Ceiling(Seconds), point.Y))],
        ServerCpuMs + next.ServerCpuMs, PostgresCpuMs + next.PostgresCpuMs, JitCpuMs + next.JitCpuMs);
}

/// <summary>
/// Order placement through HTTP: every customer places its orders (POST /api/orders on node B), with a fixed
/// number of requests in flight, and the requests per second are timed. The baseline is the rate of
/// single-row INSERTs (autocommit, same connections) into the same PostgreSQL in the same run.
/// </summary>
internal static class Placement
{
    /// <summary>The JIT's share of a warm-up round's server CPU below which the servers count as compiled.</summary>
    public const double CompiledJitShare = 0.05;

    /// <summary>
    /// Untimed rounds of one order per customer until the servers' JIT has finished (its share of the server CPU below
    /// <see cref="CompiledJitShare"/> in two rounds in a row: it recompiles in waves) and a round's rate is within 5 %
    /// of the round before (the pools are full), at most <see cref="BenchSettings.WarmUpRounds"/>.
    /// </summary>
    public static async Task<(int Rounds, PlacementResult Last)> WarmUp(string system, BenchSettings settings, IReadOnlyList<BenchCustomer> customers,
        IReadOnlyList<int> serverPids)
    {
        PlacementResult? previous = null;
        for (var round = 1; ; round++)
        {
            var result = await Run($"{system} (warm-up {round}, untimed)", settings, customers, 1, serverPids);
            Console.WriteLine($"{system} warm-up {round}: {result.PerSecond:0} orders/s, JIT {result.JitShare:P0} of the servers' CPU");
            var steady = previous is not null
                && Math.Abs(result.PerSecond - previous.PerSecond) <= 0.05 * previous.PerSecond
                && result.JitShare < CompiledJitShare && previous.JitShare < CompiledJitShare;
            if (round >= settings.WarmUpRounds || steady)
            {
                return (round, result);
            }
            previous = result;
        }
    }

    public static async Task<PlacementResult> Run(string system, BenchSettings settings, IReadOnlyList<BenchCustomer> customers, int rounds,
        IReadOnlyList<int> serverPids)
    {
        var serverCpu = CpuTime.Of(serverPids);
        var jitCpu = CpuTime.OfJit(serverPids);
        var postgresCpu = CpuTime.OfChildren(settings.PostgresPid);
        var work = new ConcurrentQueue<BenchCustomer>(Enumerable.Range(0, rounds).SelectMany(_ => customers));
        var latencies = new ConcurrentBag<double>();
        var completions = new ConcurrentBag<double>();
        using var progress = new Progress($"{system}: placement via HTTP", work.Count);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            while (work.TryDequeue(out var customer))
            {
                var started = clock.Elapsed.TotalMilliseconds;
                var orderId = await BenchSetup.PlaceOrder(customer);
                var finished = clock.Elapsed.TotalMilliseconds;
                latencies.Add(finished - started);
                completions.Add(finished / 1000);
                lock (customer.OrderIds)
                {
                    customer.OrderIds.Add(orderId);
                }
                progress.Advance();
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return new PlacementResult(latencies.Count, seconds, latencies.ToArray(), PerSecond(completions, seconds),
            CpuTime.Of(serverPids) - serverCpu, CpuTime.ChildrenSince(settings.PostgresPid, postgresCpu), CpuTime.JitSince(serverPids, jitCpu));
    }

    /// <summary>Completions per second in one-second windows.</summary>
    internal static List<(double X, double Y)> PerSecond(IEnumerable<double> completedAt, double seconds)
    {
        var buckets = new int[(int)Math.Ceiling(Math.Max(seconds, 1))];
        foreach (var at in completedAt)
        {
            buckets[Math.Min(buckets.Length - 1, (int)at)]++;
        }
        return buckets.Select((count, second) => (second + 0.5, (double)count)).ToList();
    }

    /// <summary>
    /// Single-row INSERTs (autocommit, a row of about an order's size) on as many connections as the HTTP run had
    /// requests in flight, for the given time: the rate PostgreSQL itself sustains on this machine right now.
    /// </summary>
    public static async Task<double> RawInsertRate(string connectionString, int connections, int seconds)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var setup = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS bench_orders_insert;
            CREATE TABLE bench_orders_insert (id uuid PRIMARY KEY, customer_id uuid NOT NULL, placed_at timestamptz NOT NULL, payload bytea NOT NULL);
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }
        var inserts = 0L;
        var payload = new byte[400];
        Random.Shared.NextBytes(payload);
        using var progress = new Progress("orders: raw INSERT baseline", seconds);
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
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("INSERT INTO bench_orders_insert (id, customer_id, placed_at, payload) VALUES (@id, @customer, now(), @payload)", connection);
            var id = new NpgsqlParameter<Guid>("id", Guid.Empty);
            command.Parameters.Add(id);
            command.Parameters.AddWithValue("customer", Guid.NewGuid());
            command.Parameters.AddWithValue("payload", payload);
            await command.PrepareAsync();
            while (clock.Elapsed < deadline)
            {
                id.TypedValue = Guid.CreateVersion7();
                await command.ExecuteNonQueryAsync();
                Interlocked.Increment(ref inserts);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        await ticker;
        await using (var cleanup = dataSource.CreateCommand("DROP TABLE IF EXISTS bench_orders_insert"))
        {
            await cleanup.ExecuteNonQueryAsync();
        }
        return inserts / elapsed;
    }
}
