using System.Globalization;
using System.Text;
using MyStamp.Bench.Orders;
using MyStamp.Bench.Shared;

// Orders: (1) order placement through HTTP against the raw single-row INSERT rate of the same PostgreSQL;
// (2) live-status fan-out: customers with a SignalR connection to node A watch their own orders while the status
// changes are driven through the HTTP API of node B, at a growing number of connected clients, against the
// single-row UPDATE rate of the same PostgreSQL. Every baseline is measured in the same run.
var settings = BenchSettings.FromArgs(args);
Console.WriteLine($"bench/orders: {settings}");

await using var setup = new BenchSetup(settings);
var customers = await setup.PrepareCustomers();
var placement = await Placement.Run(settings, customers);
var rawInsert = await Placement.RawInsertRate(settings.ConnectionString, settings.Concurrency, settings.PostgresSeconds);
var fanOut = await FanOutRun.Run(settings, setup.Admin, customers);
var ceiling = await PostgresCeiling.Measure(settings.ConnectionString, settings.Concurrency, settings.PostgresSeconds);
var full = fanOut.Levels[^1];

var results = Path.GetDirectoryName(Path.GetFullPath(settings.ReportPath))!;
var placementChart = Chart.Write(Path.Combine(results, "orders-placement.png"), "seconds since the first request", "orders placed per second",
[
    new Series("orders placed through HTTP per second (one-second windows)", placement.RateOverTime, Chart.Blue),
]);
var fanOutChart = Chart.Write(Path.Combine(results, "orders-fanout.png"), "connected SignalR clients", "grain-to-client latency (ms)",
[
    new Series("p50", fanOut.Levels.Select(l => ((double)l.Clients, l.GrainToClient.P50)).ToList(), Chart.Blue),
    new Series("p99", fanOut.Levels.Select(l => ((double)l.Clients, l.GrainToClient.P99)).ToList(), Chart.Red),
]);

var report = new StringBuilder();
report.AppendLine("## Orders: placement through HTTP, live-status fan-out");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Two Silo nodes and PostgreSQL on this machine; {customers.Count} customers registered, each with one approved design (not timed). Orders are placed and driven through node B ({settings.DriveUrl}), {settings.Concurrency} requests in flight; clients watch node A ({settings.WatchUrl}).");
report.AppendLine();
report.AppendLine("### Order placement");
report.AppendLine();
report.AppendLine("| what | value |");
report.AppendLine("| --- | --- |");
report.AppendLine(CultureInfo.InvariantCulture, $"| orders placed through HTTP (`POST /api/orders`, signed-in customers) | {placement.Orders} in {placement.Seconds:0.0} s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **placement rate** | **{placement.PerSecond:0.0} requests/s** |");
report.AppendLine(CultureInfo.InvariantCulture, $"| request latency p50 / p99 (ms) | {placement.Latency.P50:0.0} / {placement.Latency.P99:0.0} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: raw PostgreSQL single-row INSERT (autocommit, {settings.Concurrency} connections, {settings.PostgresSeconds} s, same database) | {rawInsert:0} rows/s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **ratio placement / raw INSERT** | **{placement.PerSecond / rawInsert:0.000}** |");
report.AppendLine();
report.AppendLine("Placing an order is more than one INSERT: cookie check and session validation against the customer grain, the");
report.AppendLine("design grain (approved? whose?), the order grain's state row, the customer's state row (its order list and last");
report.AppendLine("order date, which moves the retention deadline), the `orders_overview` row and the retention index row.");
report.AppendLine();
report.AppendLine(placementChart);
report.AppendLine("### Live-status fan-out");
report.AppendLine();
report.AppendLine("| connected clients | transitions | seen by their owner | transitions/s | grain-to-client p50 / p99 / max (ms) | API-call-to-client p50 / p99 (ms) |");
report.AppendLine("| ---: | ---: | ---: | ---: | --- | --- |");
foreach (var level in fanOut.Levels)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {level.Clients} | {level.Transitions} | {level.Delivered} | {level.TransitionsPerSecond:0.0} | {level.GrainToClient.P50:0.0} / {level.GrainToClient.P99:0.0} / {level.GrainToClient.Max:0.0} | {level.CallToClient.P50:0.0} / {level.CallToClient.P99:0.0} |");
}
report.AppendLine();
report.AppendLine("| what | value |");
report.AppendLine("| --- | --- |");
report.AppendLine(CultureInfo.InvariantCulture, $"| messages seen by a client that does not own the order | {fanOut.Misdelivered} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **transitions/s with all {full.Clients} clients connected** | **{full.TransitionsPerSecond:0.0}** |");
report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: raw PostgreSQL single-row UPDATE ({settings.Concurrency} connections, {settings.PostgresSeconds} s, same database): the ceiling | {ceiling.UpdatesPerSecond:0} /s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **ratio transitions / raw UPDATE** | **{full.TransitionsPerSecond / ceiling.UpdatesPerSecond:0.000}** |");
report.AppendLine();
report.AppendLine("Grain-to-client latency runs from the `at` the order grain stamps on the transition to the moment the client");
report.AppendLine("receives `OrderStatusChanged` (same machine, same clock). Every transition writes the grain's state row and the");
report.AppendLine("`orders_overview` row, so it cannot beat half the single-row UPDATE rate, before the HTTP, Orleans and SignalR");
report.AppendLine("work on the same cores.");
report.AppendLine();
report.AppendLine(fanOutChart);

Console.WriteLine();
Console.WriteLine(report);
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(settings.ReportPath, report.ToString());
await File.WriteAllTextAsync(Path.ChangeExtension(settings.ReportPath, ".summary.tsv"), string.Create(CultureInfo.InvariantCulture,
    $"order placement through HTTP\t{placement.PerSecond:0.0} requests/s\traw single-row INSERT {rawInsert:0} rows/s\t{placement.PerSecond / rawInsert:0.000}\n" +
    $"live-status fan-out ({full.Clients} clients; p50 / p99 {full.GrainToClient.P50:0} / {full.GrainToClient.P99:0} ms)\t{full.TransitionsPerSecond:0.0} transitions/s\traw single-row UPDATE {ceiling.UpdatesPerSecond:0} /s\t{full.TransitionsPerSecond / ceiling.UpdatesPerSecond:0.000}\n"));
Console.WriteLine($"report: {settings.ReportPath}");
return fanOut.Misdelivered == 0 && fanOut.Delivered == fanOut.Transitions ? 0 : 1;

namespace MyStamp.Bench.Orders
{
    internal sealed record BenchSettings(string WatchUrl, string DriveUrl, string ConnectionString, int Clients, int OrdersPerClient,
        int Concurrency, int PostgresSeconds, string AdminEmail, string AdminPassword, string ReportPath)
    {
        public static BenchSettings FromArgs(string[] args)
        {
            string Arg(string name, string? fallback = null)
            {
                var index = Array.IndexOf(args, $"--{name}");
                return index >= 0 && index + 1 < args.Length ? args[index + 1]
                    : fallback ?? throw new ArgumentException($"--{name} is required");
            }
            var watch = Arg("watch-url", "http://127.0.0.1:5090");
            return new BenchSettings(
                watch,
                Arg("drive-url", watch),
                Arg("connection-string", Environment.GetEnvironmentVariable("MYSTAMP_BENCH_DATABASE") ?? ""),
                int.Parse(Arg("clients", "80"), CultureInfo.InvariantCulture),
                int.Parse(Arg("orders-per-client", "4"), CultureInfo.InvariantCulture),
                int.Parse(Arg("concurrency", "16"), CultureInfo.InvariantCulture),
                int.Parse(Arg("postgres-seconds", "5"), CultureInfo.InvariantCulture),
                Arg("admin-email", Environment.GetEnvironmentVariable("MYSTAMP_ADMIN_EMAIL") ?? "admin@mystamp.local"),
                Arg("admin-password", Environment.GetEnvironmentVariable("MYSTAMP_ADMIN_PASSWORD") ?? ""),
                Arg("report", Path.Combine("bench", "results", "orders.md")));
        }

        public override string ToString() =>
            $"clients={Clients}, orders/client={OrdersPerClient}, concurrency={Concurrency}, watch={WatchUrl}, drive={DriveUrl}";
    }

    internal readonly record struct Percentiles(double P50, double P99, double Max)
    {
        public static Percentiles Of(IReadOnlyCollection<double> samples)
        {
            if (samples.Count == 0)
            {
                return new(double.NaN, double.NaN, double.NaN);
            }
            var sorted = samples.Order().ToArray();
            double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
            return new(At(0.50), At(0.99), sorted[^1]);
        }
    }
}
