using System.Globalization;
using System.Text;
using MyStamp.Bench.Orders;
using MyStamp.Bench.Orders.Peer;
using MyStamp.Bench.Shared;

// Orders (issues 5, 9 and 18), against the peer a team without Orleans would write (plain ASP.NET Core + Npgsql, its
// own process, same PostgreSQL, same HTTP client, same concurrency): (1) order placement through HTTP, MyStamp and the
// peer in alternating halves; (2) live status at 100 / 1 000 / 10 000 connected SignalR clients spread over both
// MyStamp nodes, against the transitions the peer sustains with its own clients; (3) a Pro bulk file against the
// placement rate. PostgreSQL's raw single-row INSERT and UPDATE rates are measured in the same run for scale.
if (args.FirstOrDefault() == "peer-server")
{
    await CrudPeerServer.Run(args);
    return 0;
}

var settings = BenchSettings.FromArgs(args);
Console.WriteLine($"bench/orders: {settings}");

await using var setup = new BenchSetup(settings);
var customers = await setup.PrepareCustomers();
var pro = await setup.PrepareProCustomer();
var (peerCustomers, peerAdmin) = await PeerScene.Prepare(settings.PeerUrl, settings.ConnectionString, settings.Clients);
var resultsFolder = Path.GetDirectoryName(Path.GetFullPath(settings.ReportPath))!;
// Untimed warm-up of both systems: a server that runs for days has long compiled its hot paths (tiered JIT) and
// filled its pools; without it the first seconds measure the JIT, not the shop.
var peerWarmUp = await Placement.WarmUp("peer", settings, peerCustomers, settings.PeerPids);
var mystampWarmUp = await Placement.WarmUp("mystamp", settings, customers, settings.NodePids);
var traceFiles = await PlacementTrace.RunIfAsked(settings, customers, Path.Combine(resultsFolder, "..", "..", ".data", "bench"), resultsFolder);

// Alternating halves, so that whatever else the shared machine does meanwhile falls on both.
var firstHalf = settings.OrdersPerClient / 2;
var breakdown = TimeBreakdown.For(settings.WatchUrls, setup.AdminCookies);
var peer = await Placement.Run("peer", settings, peerCustomers, firstHalf, settings.PeerPids);
await breakdown.Start();
var placement = await Placement.Run("mystamp", settings, customers, firstHalf, settings.NodePids);
peer = peer.Then(await Placement.Run("peer", settings, peerCustomers, settings.OrdersPerClient - firstHalf, settings.PeerPids));
placement = placement.Then(await Placement.Run("mystamp", settings, customers, settings.OrdersPerClient - firstHalf, settings.NodePids));
var timeSpent = await breakdown.Stop(placement.Orders);
var rawInsert = await Placement.RawInsertRate(settings.ConnectionString, settings.Concurrency, settings.PostgresSeconds);

// The peer at the smallest size is the baseline; at the largest, for scale: what plain SignalR on one process reaches
// on the same cores.
FanOutLevel peerFanOut;
FanOutLevel? peerAtLargest = null;
await using (var peerRun = new FanOutRun(settings, "peer", [settings.PeerUrl], settings.PeerPids, peerAdmin, peerCustomers))
{
    peerFanOut = await peerRun.Level(settings.FanOutLevels[0], settings.FanOutOrders);
    if (settings.FanOutLevels[^1] > settings.FanOutLevels[0])
    {
        peerAtLargest = await peerRun.Level(settings.FanOutLevels[^1], settings.FanOutOrders);
    }
}
var peerLevels = peerAtLargest is null ? [peerFanOut] : new[] { peerFanOut, peerAtLargest };
var levels = new List<FanOutLevel>();
var misdelivered = 0;
await using (var run = new FanOutRun(settings, "mystamp", settings.WatchUrls, settings.NodePids, setup.Admin, customers))
{
    foreach (var clients in settings.FanOutLevels)
    {
        levels.Add(await run.Level(clients, settings.FanOutOrders));
    }
    misdelivered = run.Misdelivered;
}
var ceiling = await PostgresCeiling.Measure(settings.ConnectionString, settings.Concurrency, settings.PostgresSeconds);
var bulk = await BulkRun.Run(pro, settings.BulkLines);

var results = Path.GetDirectoryName(Path.GetFullPath(settings.ReportPath))!;
var placementChart = Chart.Write(Path.Combine(results, "orders-placement.png"), "seconds since the first request", "orders placed per second",
[
    new Series("MyStamp (Orleans): orders placed per second", placement.RateOverTime, Chart.Blue),
    new Series("peer (ASP.NET Core + Npgsql, one transaction): orders placed per second", peer.RateOverTime, Chart.Grey, Dashed: true),
]);
var fanOutChart = Chart.Write(Path.Combine(results, "orders-fanout.png"), "connected SignalR clients", "grain-to-client latency (ms)",
[
    new Series("MyStamp p50", levels.Select(l => ((double)l.Clients, l.GrainToClient.P50)).ToList(), Chart.Blue),
    new Series("MyStamp p99", levels.Select(l => ((double)l.Clients, l.GrainToClient.P99)).ToList(), Chart.Red),
    new Series("peer p99 (one node)", peerLevels.Select(l => ((double)l.Clients, l.GrainToClient.P99)).ToList(), Chart.Grey, Dashed: true),
]);
var full = levels[^1];
var ratio = placement.PerSecond / peer.PerSecond;

var report = new StringBuilder();
report.AppendLine("## Orders: MyStamp against the CRUD peer; live status at scale; bulk");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Two MyStamp nodes (A {settings.WatchUrl}, B {settings.DriveUrl}) and the peer ({settings.PeerUrl}: plain ASP.NET Core minimal APIs + Npgsql, one transaction per request, SignalR pushed from the request, its own process), all on this machine and on the same PostgreSQL database. {customers.Count} customers each side, one approved design each (not timed; the peer's rows are written straight into its tables). Same HTTP client (`HttpClient`, cookie sign-in), {settings.Concurrency} requests in flight; orders placed and driven through node B. Before anything is timed, each side warms up (JIT, pools) with untimed rounds of one order per customer until the JIT has finished (its tiered-compilation thread below {Placement.CompiledJitShare:P0} of the servers' CPU in two rounds in a row) and a round's rate is within 5 % of the round before, at most {settings.WarmUpRounds} rounds: the peer took {peerWarmUp.Rounds} ({peerWarmUp.Last.PerSecond:0}/s at the end, JIT {peerWarmUp.Last.JitShare:P0}), MyStamp {mystampWarmUp.Rounds} ({mystampWarmUp.Last.PerSecond:0}/s, JIT {mystampWarmUp.Last.JitShare:P0}).");
report.AppendLine();
report.AppendLine("### Order placement: MyStamp against the peer");
report.AppendLine();
report.AppendLine("| what | MyStamp (Orleans) | peer (CRUD) |");
report.AppendLine("| --- | ---: | ---: |");
report.AppendLine(CultureInfo.InvariantCulture, $"| orders placed through HTTP (`POST /api/orders`, two alternating halves each) | {placement.Orders} in {placement.Seconds:0.0} s | {peer.Orders} in {peer.Seconds:0.0} s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **placement rate (requests/s)** | **{placement.PerSecond:0.0}** | **{peer.PerSecond:0.0}** |");
report.AppendLine(CultureInfo.InvariantCulture, $"| request latency p50 / p99 (ms) | {placement.Latency.P50:0.0} / {placement.Latency.P99:0.0} | {peer.Latency.P50:0.0} / {peer.Latency.P99:0.0} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| CPU per order: the server processes (MyStamp: both nodes) / PostgreSQL's backends (ms) | {placement.ServerCpuMsPerOrder:0.00} / {placement.PostgresCpuMsPerOrder:0.00} | {peer.ServerCpuMsPerOrder:0.00} / {peer.PostgresCpuMsPerOrder:0.00} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| of the servers' CPU, their JIT still compiling | {placement.JitShare:P1} | {peer.JitShare:P1} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| ratio to PostgreSQL's raw single-row INSERT ({rawInsert:0} rows/s, autocommit, {settings.Concurrency} connections, {settings.PostgresSeconds} s) | {placement.PerSecond / rawInsert:0.000} | {peer.PerSecond / rawInsert:0.000} |");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"**Ratio MyStamp / peer: {ratio:0.00}** (goal ≥ 1.5, with a lower p99).");
report.AppendLine();
report.AppendLine("The peer, per order: read the customer row (with its session version) and the design row, insert the order and");
report.AppendLine("its overview row, update the customer's last-order date and the design's first-order date, commit: seven round");
report.AppendLine("trips on one connection, nothing encrypted. MyStamp, per order: cookie and session check (cached on the node), the");
report.AppendLine("customer's profile and the design from their activations, then the customer's and the design's records, the");
report.AppendLine("order's sealed state row, its overview row, its reminder and its retention index row, independent writes at once.");
report.AppendLine();
report.AppendLine("Where a MyStamp placement's time goes, from the nodes' own telemetry (Prometheus scrape of both nodes before and");
report.AppendLine("after the timed MyStamp halves, histogram sums and counts per order; parts run concurrently, so they overlap):");
report.AppendLine();
report.AppendLine("| per order placed | ms | operations |");
report.AppendLine("| --- | ---: | ---: |");
report.AppendLine(CultureInfo.InvariantCulture, $"| client-side request latency (mean, {settings.Concurrency} in flight) | {placement.Latencies.Average():0.0} | 1 |");
foreach (var line in timeSpent)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {line.What} | {line.MillisecondsPerOrder:0.0} | {line.CountPerOrder:0.0} |");
}
report.AppendLine();
if (traceFiles.Count > 0)
{
    report.AppendLine(CultureInfo.InvariantCulture,
        $"Node B's threads during an untimed placement round (EventPipe thread-time sampling: waiting threads count too, `BENCH_TRACE_TOOL=<dotnet-trace>`), top methods: {string.Join(", ", traceFiles.Select(file => $"[{file}]({file})"))}.");
    report.AppendLine();
}
report.AppendLine(placementChart);
report.AppendLine("### Live status: 100 to 10 000 connected clients");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Clients are the .NET SignalR client over WebSockets, alternating between the watch nodes; client i belongs to customer i mod {customers.Count}, so above {customers.Count} clients a customer has several browsers open and each of them must get every change. At each size {settings.FanOutOrders} orders of connected customers go through five transitions (pay, then the admin's four moves), each waiting until every connection of its customer has it. The peer (one node: its SignalR has no backplane) with {peerFanOut.Clients} clients is the baseline; it runs at the largest size too, for scale.");
report.AppendLine();
report.AppendLine("| system | connected clients (customers) | transitions | deliveries expected / received | transitions/s | deliveries/s | grain-to-client p50 / p99 / max (ms) | API-call-to-client p50 / p99 (ms) | connecting took (s) | node memory per 1 000 connections (MiB RSS) |");
report.AppendLine("| --- | ---: | ---: | --- | ---: | ---: | --- | --- | ---: | ---: |");
foreach (var level in peerLevels.Concat(levels))
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {level.System} | {level.Clients} ({level.Customers}) | {level.Transitions} | {level.Expected} / {level.Delivered} | {level.TransitionsPerSecond:0.0} | {level.Delivered * level.TransitionsPerSecond / level.Transitions:0} | {level.GrainToClient.P50:0.0} / {level.GrainToClient.P99:0.0} / {level.GrainToClient.Max:0.0} | {level.CallToClient.P50:0.0} / {level.CallToClient.P99:0.0} | {level.ConnectSeconds:0.0} | {MemoryPerThousand(level.NodeMiBPerThousandConnections)} |");
}
report.AppendLine();
report.AppendLine("| what | value |");
report.AppendLine("| --- | --- |");
report.AppendLine(CultureInfo.InvariantCulture, $"| messages received by a client whose customer does not own the order | {misdelivered} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| CPU per MyStamp transition at {full.Clients} clients of the development mail server (smtp4dev, receiving the payment confirmations and shipping notices; started at the lowest priority, since the operator's relay runs on another machine; the peer sends no mail) | {full.MailServerCpuMsPerTransition:0.00} ms |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **transitions/s at {full.Clients} clients / the peer's at {peerFanOut.Clients}** | **{full.TransitionsPerSecond / peerFanOut.TransitionsPerSecond:0.00}** (goal ≥ 0.5, with p99 < 100 ms) |");
if (peerAtLargest is not null)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| for scale: transitions/s at {full.Clients} clients / the peer's at {peerAtLargest.Clients} (p99 {full.GrainToClient.P99:0} ms against {peerAtLargest.GrainToClient.P99:0} ms) | {full.TransitionsPerSecond / peerAtLargest.TransitionsPerSecond:0.00} |");
}
report.AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL's raw single-row UPDATE ({settings.Concurrency} connections, {settings.PostgresSeconds} s) for scale | {ceiling.UpdatesPerSecond:0} /s |");
report.AppendLine();
report.AppendLine("Grain-to-client latency runs from the `at` the order grain (the peer: the request) stamps on the transition to the");
report.AppendLine("moment a client receives `OrderStatusChanged` (same machine, same clock), over every delivery. Node memory is the");
report.AppendLine("growth of the watch nodes' resident memory (both nodes summed; the peer's one) from before the first connection;");
report.AppendLine("at the smaller sizes a garbage collection in between can hand back more than the connections took, and such a row");
report.AppendLine("says \"within RSS noise\" rather than a negative figure: the largest size is the one to read.");
report.AppendLine();
report.AppendLine(fanOutChart);
report.AppendLine("### Bulk order");
report.AppendLine();
report.AppendLine("| what | value |");
report.AppendLine("| --- | --- |");
report.AppendLine(CultureInfo.InvariantCulture, $"| a Pro file of {bulk.Lines} lines (`POST /api/pro/bulk-orders`, until `Completed`) | {bulk.Seconds:0.0} s, {bulk.Ordered} ordered, {bulk.Failed} failed |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **bulk rate** | **{bulk.LinesPerSecond:0.0} orders/s** |");
report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: MyStamp's placement rate through HTTP, this run | {placement.PerSecond:0.0} orders/s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| **ratio bulk / placement** | **{bulk.LinesPerSecond / placement.PerSecond:0.00}** (goal ≥ 1) |");
report.AppendLine();

Console.WriteLine();
Console.WriteLine(report);
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(settings.ReportPath, report.ToString());
var summary = new StringBuilder();
summary.AppendLine(CultureInfo.InvariantCulture,
    $"order placement through HTTP (p99 {placement.Latency.P99:0} ms; peer's {peer.Latency.P99:0} ms)\t{placement.PerSecond:0.0} requests/s\tCRUD peer (ASP.NET Core + Npgsql) {peer.PerSecond:0.0} requests/s\t{ratio:0.00}");
foreach (var level in levels)
{
    summary.AppendLine(CultureInfo.InvariantCulture,
        $"live status, {level.Clients} SignalR clients on 2 nodes (grain-to-client p50 / p99 {level.GrainToClient.P50:0} / {level.GrainToClient.P99:0} ms)\t{level.TransitionsPerSecond:0.0} transitions/s\tCRUD peer, {peerFanOut.Clients} clients, {peerFanOut.TransitionsPerSecond:0.0} transitions/s (p99 {peerFanOut.GrainToClient.P99:0} ms)\t{level.TransitionsPerSecond / peerFanOut.TransitionsPerSecond:0.00}");
}
summary.AppendLine(CultureInfo.InvariantCulture,
    $"Pro bulk file of {bulk.Lines} lines ({bulk.Seconds:0.0} s)\t{bulk.LinesPerSecond:0.0} orders/s\tplacement through HTTP {placement.PerSecond:0.0} requests/s\t{bulk.LinesPerSecond / placement.PerSecond:0.00}");
await File.WriteAllTextAsync(Path.ChangeExtension(settings.ReportPath, ".summary.tsv"), summary.ToString());
Console.WriteLine($"report: {settings.ReportPath}");
var allDelivered = levels.Concat(peerLevels).All(level => level.Delivered == level.Expected);
return misdelivered == 0 && allDelivered && bulk.Failed == 0 ? 0 : 1;

// Growth of the nodes' resident memory per 1 000 connections; a collection in between can make it negative at the small sizes.
static string MemoryPerThousand(double miB) => miB > 0 ? miB.ToString("0.0", CultureInfo.InvariantCulture) : "within RSS noise";

namespace MyStamp.Bench.Orders
{
    internal sealed record BenchSettings(string WatchUrl, string DriveUrl, string ConnectionString, int Clients, int OrdersPerClient,
        int Concurrency, int PostgresSeconds, string AdminEmail, string AdminPassword, string ReportPath,
        string PeerUrl, int[] NodePids, int[] PeerPids, int[] FanOutLevels, int FanOutOrders, int BulkLines, int PostgresPid, int WarmUpRounds, int MailServerPid)
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
            // Arg("x", "") answers "" when absent: lists and the peer are optional.
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
                Arg("report", Path.Combine("bench", "results", "orders.md")),
                Arg("peer-url", ""),
                Numbers(Arg("node-pids", "")),
                Numbers(Arg("peer-pid", "")),
                Numbers(Arg("fanout-levels", "100,1000,10000")),
                int.Parse(Arg("fanout-orders", "200"), CultureInfo.InvariantCulture),
                int.Parse(Arg("bulk-lines", "10000"), CultureInfo.InvariantCulture),
                int.Parse(Arg("postgres-pid", "0"), CultureInfo.InvariantCulture),
                int.Parse(Arg("warm-up-rounds", "60"), CultureInfo.InvariantCulture),
                int.Parse(Arg("mail-server-pid", "0"), CultureInfo.InvariantCulture));
        }

        private static int[] Numbers(string list) =>
            list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();

        public string[] WatchUrls => WatchUrl == DriveUrl ? [WatchUrl] : [WatchUrl, DriveUrl];

        public override string ToString() =>
            $"customers={Clients}, orders/customer={OrdersPerClient} (after up to {WarmUpRounds} warm-up rounds), concurrency={Concurrency}, nodes={WatchUrl} {DriveUrl}, peer={PeerUrl}, " +
            $"fan-out clients={string.Join('/', FanOutLevels)}, bulk lines={BulkLines}";
    }
}
