using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MyStamp.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MyStamp.Integration.Tests.Resilience.Soak;

/// <summary>
/// The long resilience run (<c>./mystamp soak</c>): two Silo processes under a bounded load of registrations,
/// orders and status changes; one is killed with SIGKILL mid-run, later PostgreSQL is stopped for 10 s.
/// No acknowledged order is lost or duplicated, live status reaches the SignalR client again after it
/// reconnects to the surviving node, the dead node's bulk order is resumed by its reminder, requests during
/// the outage fail fast with 503 and Retry-After (never 500), and the nodes recover by themselves.
/// </summary>
[Trait("Category", "Soak")]
public sealed class FaultSoakTests(SoakCluster database, ITestOutputHelper output) : IClassFixture<SoakCluster>
{
    private const int Workers = 4;
    /// <summary>The most a file may hold: long enough (about a minute on two cores) for the kill to interrupt it.</summary>
    private const int BulkLines = 10_000;

    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<SiloProcess> _nodes = [];

    [Fact]
    public async Task A_killed_node_and_a_stopped_database_lose_no_acknowledged_order()
    {
        var clusterId = $"soak-{Guid.NewGuid():N}";
        var adminEmail = $"admin-{clusterId}@mystamp.test";
        try
        {
            // Node A alone first: the bulk order's grain is activated there, so killing A kills it mid-run.
            var a = Track(SiloProcess.Start("node-a", clusterId, database.ConnectionString, adminEmail));
            await a.WaitUntilReady(TimeSpan.FromMinutes(2));
            Uri? b = null;
            Func<Uri> nodeA = () => a.Address, nodeB = () => b ?? a.Address;
            using var admin = await SignIn(new ClusterClient([nodeA, nodeB]), adminEmail, SiloProcess.AdminPassword);
            using var pro = await Register(new ClusterClient([nodeA, nodeB]), Accounts.ProRegistration());
            var proDesign = await ResilienceWorld.ApprovedDesign(pro.Http, admin.Http);
            var customers = new List<(ClusterClient Client, Guid Design)>();
            for (var worker = 0; worker < Workers; worker++)
            {
                var customer = await Register(new ClusterClient(worker % 2 == 0 ? [nodeA, nodeB] : [nodeB, nodeA]), Accounts.ConsumerRegistration());
                customers.Add((customer, await ResilienceWorld.ApprovedDesign(customer.Http, admin.Http)));
            }
            var bulkOrderId = await ResilienceWorld.BulkOrder(pro.Http, proDesign, BulkLines);
            Log($"bulk order of {BulkLines} lines running on node A");

            var nodeBProcess = Track(SiloProcess.Start("node-b", clusterId, database.ConnectionString, adminEmail));
            await nodeBProcess.WaitUntilReady(TimeSpan.FromMinutes(2));
            b = nodeBProcess.Address;
            Log("node B joined");

            // Live status: customer 0 watches through node A and reconnects automatically (to B once A is gone).
            var watcher = customers[0].Client;
            var seen = new ConcurrentDictionary<(Guid, string), DateTime>();
            var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(a.Address, "/hubs/orders"), options =>
                {
                    options.Transports = HttpTransportType.LongPolling;
                    options.HttpMessageHandlerFactory = _ => new FailoverHandler([nodeA, nodeB], watcher.Cookies);
                })
                .WithAutomaticReconnect(new EverySecondForThreeMinutes())
                .Build();
            hub.On<ReceivedStatus>("OrderStatusChanged", change => seen.TryAdd((change.OrderId, change.Status), DateTime.UtcNow));
            hub.Reconnected += _ => { reconnected.TrySetResult(); return Task.CompletedTask; };
            await hub.StartAsync();
            await hub.InvokeAsync<JsonNode>("GetMyOrders");

            using var stop = new CancellationTokenSource();
            var acknowledged = customers.Select(_ => new ConcurrentBag<Guid>()).ToList();
            var load = customers.Select((customer, worker) => Load(customer.Client, customer.Design, admin, acknowledged[worker], stop.Token)).ToList();

            // Kill A mid-run: after some load, while its bulk order is still running.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var before = await Bulk(pro, bulkOrderId);
            Assert.True((string?)before["status"] == "Running",
                $"the bulk order finished before the kill ({before}); raise {nameof(BulkLines)} so that the kill interrupts it");
            a.Kill();
            Log($"node A killed with SIGKILL (bulk order at {before["processed"]}/{BulkLines}, {acknowledged.Sum(bag => bag.Count)} orders acknowledged)");

            // The SignalR client reconnects to B and live status reaches it again.
            await reconnected.Task.WaitAsync(TimeSpan.FromMinutes(3));
            Log("hub client reconnected to node B");
            var liveAfterReconnect = await StatusReachesClient(watcher, customers[0].Design, admin, seen, TimeSpan.FromMinutes(2));
            Log($"live status reached the reconnected client in {liveAfterReconnect.TotalSeconds:0.0} s");

            // The dead node's bulk order resumes (only its reminder can wake it) and orders every line once.
            var bulk = await BulkFinished(pro, bulkOrderId, TimeSpan.FromMinutes(5));
            Assert.Equal(BulkLines, (int)bulk["processed"]!);
            Assert.Equal(0, (int)bulk["failed"]!);
            var bulkOrders = await database.Scalar<long>("SELECT count(*) FROM orders_overview WHERE customer_id = @customer", ("customer", pro.Id));
            Assert.Equal(BulkLines, bulkOrders);
            Log($"bulk order resumed by its reminder and completed: {BulkLines} orders, none twice");

            // Two nodes again, then PostgreSQL stops for 10 s under load.
            var a2 = Track(SiloProcess.Start("node-a2", clusterId, database.ConnectionString, adminEmail));
            await a2.WaitUntilReady(TimeSpan.FromMinutes(2));
            Log("node A2 joined");
            await Task.Delay(TimeSpan.FromSeconds(5));
            await Outage(watcher, customers[0].Design, [nodeBProcess, a2]);

            // Recovery by itself: readiness, then new orders.
            await Task.WhenAll(nodeBProcess.WaitUntilReady(TimeSpan.FromMinutes(1)), a2.WaitUntilReady(TimeSpan.FromMinutes(1)));
            var recoveredIn = await NewOrderSucceeds(watcher, customers[0].Design, TimeSpan.FromMinutes(1));
            Log($"ready again; a new order succeeded {recoveredIn.TotalSeconds:0.0} s after PostgreSQL came back");
            await Task.Delay(TimeSpan.FromSeconds(5));

            await stop.CancelAsync();
            await Task.WhenAll(load);

            // Every acknowledged order is there, exactly once, for its owner.
            for (var worker = 0; worker < Workers; worker++)
            {
                var mine = (await customers[worker].Client.Http.GetFromJsonAsync<JsonArray>("/api/orders"))!
                    .Select(order => (Guid)order!["orderId"]!).ToList();
                Assert.Equal(mine.Count, mine.Distinct().Count());
                var missing = acknowledged[worker].Except(mine).ToList();
                Assert.True(missing.Count == 0, $"customer {worker}: {missing.Count} of {acknowledged[worker].Count} acknowledged orders are gone");
                var stored = await database.Scalar<long>("SELECT count(*) FROM orders_overview WHERE order_id = ANY(@ids)", ("ids", acknowledged[worker].ToArray()));
                Assert.Equal(acknowledged[worker].Count, stored);
            }
            Log($"{acknowledged.Sum(bag => bag.Count)} acknowledged orders all present once; answers: "
                + string.Join(", ", _statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}×{pair.Value}")));
            Assert.True(_serverErrors.IsEmpty, "Server errors:\n" + string.Join('\n', _serverErrors.Take(30)));
        }
        finally
        {
            foreach (var node in _nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>One worker: places orders, pays every other one and has the admin move some into production.</summary>
    private async Task Load(ClusterClient customer, Guid design, ClusterClient admin, ConcurrentBag<Guid> acknowledged, CancellationToken stop)
    {
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            round++;
            try
            {
                using var placed = await Record(customer.Http.PostAsJsonAsync("/api/orders", new { designId = design, tariff = "Europe", sheets = 1, controllerAttestation = true }, stop));
                if (placed?.StatusCode == HttpStatusCode.Created)
                {
                    var orderId = (Guid)(await placed.Content.ReadFromJsonAsync<JsonObject>(stop))!["orderId"]!;
                    acknowledged.Add(orderId);
                    if (round % 2 == 0)
                    {
                        using var paid = await Record(customer.Http.PostAsync($"/api/orders/{orderId}/pay", null, stop));
                        using var moved = await Record(admin.Http.PostAsJsonAsync($"/api/admin/orders/{orderId}/status", new { status = "InProduction" }, stop));
                    }
                }
                if (round % 5 == 0)
                {
                    using var anonymous = new ClusterClient([() => customer.Http.BaseAddress!]);
                    using var registered = await Record(anonymous.Http.PostAsJsonAsync("/api/account/register", Accounts.ConsumerRegistration(), stop));
                }
                await Task.Delay(TimeSpan.FromMilliseconds(150), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Sends, counts the answer, remembers a 500; a connection lost to the killed node counts as no answer.</summary>
    private async Task<HttpResponseMessage?> Record(Task<HttpResponseMessage> sending)
    {
        try
        {
            var response = await sending;
            _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                _serverErrors.Enqueue($"{_clock.Elapsed.TotalSeconds:0.0}s {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}");
            }
            else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null
                && response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/health", StringComparison.Ordinal) != true)
            {
                _serverErrors.Enqueue($"{_clock.Elapsed.TotalSeconds:0.0}s {response.RequestMessage?.RequestUri} → 503 without Retry-After");
            }
            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _statuses.AddOrUpdate(0, 1, (_, count) => count + 1);
            return null;
        }
    }

    /// <summary>PostgreSQL stops for 10 s: every probe answers within 5 s with 503 + Retry-After or a success, never 500.</summary>
    private async Task Outage(ClusterClient customer, Guid design, IReadOnlyList<SiloProcess> nodes)
    {
        await database.Stop();
        Log("PostgreSQL stopped");
        var stoppedAt = Stopwatch.StartNew();
        var probes = new List<string>();
        var unavailable = 0;
        var notReady = 0;
        while (stoppedAt.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var node in nodes)
            {
                using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(10) };
                var timer = Stopwatch.StartNew();
                using var ready = await Record(http.GetAsync("/health/ready"));
                notReady += ready?.StatusCode == HttpStatusCode.ServiceUnavailable ? 1 : 0;
                Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"/health/ready on {node.Name} took {timer.Elapsed.TotalSeconds:0.0} s");
            }
            var placing = Stopwatch.StartNew();
            using var placed = await Record(customer.Http.PostAsJsonAsync("/api/orders", new { designId = design, tariff = "World", sheets = 1, controllerAttestation = true }));
            var took = placing.Elapsed;
            probes.Add($"{(int?)placed?.StatusCode} in {took.TotalMilliseconds:0} ms, Retry-After {placed?.Headers.RetryAfter}");
            Assert.True(took < TimeSpan.FromSeconds(5), $"placing an order during the outage took {took.TotalSeconds:0.0} s");
            if (placed?.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                unavailable++;
                Assert.NotNull(placed.Headers.RetryAfter);
                Assert.Equal("application/problem+json", placed.Content.Headers.ContentType?.MediaType);
            }
            await Task.Delay(500);
        }
        await database.Start();
        Log($"PostgreSQL started again after {stoppedAt.Elapsed.TotalSeconds:0.0} s; order probes: {string.Join("; ", probes)}");
        Assert.True(notReady > 0, "readiness never said 503 while PostgreSQL was down");
        Assert.True(unavailable > 0, "no order probe was answered 503 while PostgreSQL was down");
    }

    private async Task<TimeSpan> NewOrderSucceeds(ClusterClient customer, Guid design, TimeSpan within)
    {
        var timer = Stopwatch.StartNew();
        while (timer.Elapsed < within)
        {
            using var placed = await Record(customer.Http.PostAsJsonAsync("/api/orders", new { designId = design, tariff = "Europe", sheets = 1, controllerAttestation = true }));
            if (placed?.StatusCode == HttpStatusCode.Created)
            {
                return timer.Elapsed;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("no new order succeeded after PostgreSQL came back");
    }

    /// <summary>Moves a fresh order of the watcher until the hub client sees it; retried while the cluster settles.</summary>
    private async Task<TimeSpan> StatusReachesClient(ClusterClient owner, Guid design, ClusterClient admin, ConcurrentDictionary<(Guid, string), DateTime> seen, TimeSpan within)
    {
        var timer = Stopwatch.StartNew();
        while (timer.Elapsed < within)
        {
            using var placed = await Record(owner.Http.PostAsJsonAsync("/api/orders", new { designId = design, tariff = "Europe", sheets = 1, controllerAttestation = true }));
            if (placed?.StatusCode == HttpStatusCode.Created)
            {
                var orderId = (Guid)(await placed.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;
                using var paid = await Record(owner.Http.PostAsync($"/api/orders/{orderId}/pay", null));
                for (var wait = 0; wait < 50 && paid?.IsSuccessStatusCode == true; wait++)
                {
                    if (seen.ContainsKey((orderId, "Paid")))
                    {
                        return timer.Elapsed;
                    }
                    await Task.Delay(200);
                }
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException("live status never reached the reconnected client");
    }

    private static async Task<JsonObject> Bulk(ClusterClient pro, Guid bulkOrderId) =>
        (await pro.Http.GetFromJsonAsync<JsonObject>($"/api/pro/bulk-orders/{bulkOrderId}"))!;

    private async Task<JsonObject> BulkFinished(ClusterClient pro, Guid bulkOrderId, TimeSpan within)
    {
        var timer = Stopwatch.StartNew();
        JsonObject? last = null;
        while (timer.Elapsed < within)
        {
            using var response = await Record(pro.Http.GetAsync($"/api/pro/bulk-orders/{bulkOrderId}"));
            if (response?.StatusCode == HttpStatusCode.OK)
            {
                last = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                if ((string?)last["status"] != "Running")
                {
                    return last;
                }
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException($"the killed node's bulk order did not resume within {within.TotalMinutes:0} minutes: {last}");
    }

    private static async Task<ClusterClient> SignIn(ClusterClient client, string email, string password)
    {
        using var response = await client.Http.PostAsJsonAsync("/api/account/login", new { email, password });
        await ResilienceWorld.Expect(response, HttpStatusCode.OK, "signing in");
        return client;
    }

    private static async Task<ClusterClient> Register(ClusterClient client, JsonObject registration)
    {
        using var response = await client.Http.PostAsJsonAsync("/api/account/register", registration);
        await ResilienceWorld.Expect(response, HttpStatusCode.Created, "registering");
        client.Id = (Guid)(await response.Content.ReadFromJsonAsync<JsonObject>())!["customerId"]!;
        // Customers who order verify their address from the mailed link, read from the run's smtp4dev.
        var mail = await MailInbox.VerificationMail((string)registration["email"]!);
        using var verified = await client.Http.PostAsJsonAsync("/api/account/verify-email", new { token = mail.Token("/Account/VerifyEmail") });
        await ResilienceWorld.Expect(verified, HttpStatusCode.NoContent, "verifying the address");
        return await SignIn(client, (string)registration["email"]!, (string)registration["password"]!);
    }

    private SiloProcess Track(SiloProcess node)
    {
        _nodes.Add(node);
        return node;
    }

    private void Log(string message) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0}s  {message}");

    private sealed record ReceivedStatus(Guid OrderId, string Status, DateTimeOffset At);

    private sealed class EverySecondForThreeMinutes : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.ElapsedTime < TimeSpan.FromMinutes(3) ? TimeSpan.FromSeconds(1) : null;
    }
}
