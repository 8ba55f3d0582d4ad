using System.Diagnostics;
using System.Globalization;
using System.Text;
using MyStamp.Bench.Orders;

// Live-status fan-out: N customers, each with a SignalR connection to node A watching its own orders;
// status changes are driven through the HTTP API of node B; each client measures when the change reaches
// it. Alongside, the single-row UPDATE rate of the same PostgreSQL, measured in the same run, is the ceiling.
var settings = BenchSettings.FromArgs(args);
Console.WriteLine($"bench/orders: {settings}");

var report = new StringBuilder();
await using var setup = new BenchSetup(settings);
var customers = await setup.PrepareCustomers();
Console.WriteLine($"setup: {customers.Count} customers with {customers.Sum(c => c.OrderIds.Count)} orders, connected to {settings.WatchUrl}");

var fanOut = await FanOutRun.Run(settings, setup.Admin, customers);
var ceiling = await PostgresCeiling.Measure(settings.ConnectionString, settings.Concurrency, settings.PostgresSeconds);

report.AppendLine("# Orders: live-status fan-out benchmark");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores. Clients watch node A ({settings.WatchUrl}); transitions are driven through node B ({settings.DriveUrl}).");
report.AppendLine();
report.AppendLine("| what | value |");
report.AppendLine("| --- | --- |");
report.AppendLine(CultureInfo.InvariantCulture, $"| connected SignalR clients (one customer each) | {customers.Count} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| orders watched | {customers.Sum(c => c.OrderIds.Count)} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| API drivers in parallel | {settings.Concurrency} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| transitions driven (pay, in production, printed, shipped, delivered) | {fanOut.Transitions} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| transitions seen by their owner's client | {fanOut.Delivered} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| messages seen by a client that does not own the order | {fanOut.Misdelivered} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| sustained transitions/s | {fanOut.TransitionsPerSecond:0.0} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| grain-to-client latency p50 / p99 / max (ms) | {fanOut.GrainToClient.P50:0.0} / {fanOut.GrainToClient.P99:0.0} / {fanOut.GrainToClient.Max:0.0} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| API-call-to-client latency p50 / p99 (ms) | {fanOut.CallToClient.P50:0.0} / {fanOut.CallToClient.P99:0.0} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL single-row UPDATE rate, {settings.Concurrency} connections, same database (ceiling) | {ceiling.UpdatesPerSecond:0} /s |");
report.AppendLine();
report.AppendLine("Grain-to-client latency is the time from the `at` the order grain stamped on the transition to the moment the");
report.AppendLine("client received `OrderStatusChanged` (same machine, same clock). Every transition writes the grain state row and");
report.AppendLine("the `orders_overview` row, so the transition rate is bounded by about half the single-row UPDATE rate, before");
report.AppendLine("the HTTP, Orleans and SignalR work on the same two cores.");

Console.WriteLine();
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(settings.ReportPath)!);
await File.WriteAllTextAsync(settings.ReportPath, report.ToString());
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
                int.Parse(Arg("clients", "100"), CultureInfo.InvariantCulture),
                int.Parse(Arg("orders-per-client", "2"), CultureInfo.InvariantCulture),
                int.Parse(Arg("concurrency", "16"), CultureInfo.InvariantCulture),
                int.Parse(Arg("postgres-seconds", "10"), CultureInfo.InvariantCulture),
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
