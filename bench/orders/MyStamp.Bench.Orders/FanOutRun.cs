using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MyStamp.Bench.Shared;

namespace MyStamp.Bench.Orders;

/// <summary>One step of the fan-out run: how many clients were connected and what the transitions driven then gave.</summary>
internal sealed record FanOutLevel(string System, int Clients, int Customers, int Transitions, int Expected, int Delivered, double TransitionsPerSecond,
    Percentiles GrainToClient, Percentiles CallToClient, double ConnectSeconds, double NodeMiBPerThousandConnections, double MailServerCpuMs)
{
    /// <summary>
    /// The development mail server's CPU per transition (smtp4dev receiving the payment confirmations and shipping
    /// notices): neither shop's work, but on the same cores.
    /// </summary>
    public double MailServerCpuMsPerTransition => Transitions == 0 ? 0 : MailServerCpuMs / Transitions;
}

/// <summary>What a client receives: the hub's OrderStatusChanged message.</summary>
internal sealed record StatusMessage(Guid OrderId, string Status, DateTimeOffset At);

/// <summary>
/// Live status at a given number of connected SignalR clients (the .NET client, WebSockets). Client i belongs to
/// customer i mod C, so every client watches its own customer's orders only; with more clients than customers a
/// customer has several browsers open, each of which must receive every change of that customer's orders. Clients
/// alternate between the watch nodes (both MyStamp nodes; the peer's one). Then the same number of orders of
/// connected customers are driven through their lifecycle (pay as the customer, then the admin's moves), each
/// transition waiting until every connection of its customer has it, with the placement's number of requests in
/// flight. A message for an order a client's customer does not own is counted as misdelivered.
/// </summary>
internal sealed class FanOutRun(BenchSettings settings, string system, IReadOnlyList<string> watchUrls, IReadOnlyList<int> nodePids,
    HttpClient admin, IReadOnlyList<BenchCustomer> customers) : IAsyncDisposable
{
    private static readonly string[] Steps = ["Paid", "InProduction", "Printed", "Shipped", "Delivered"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(Guid OrderId, string Status), Pending> _waiting = new();
    private readonly List<HubConnection> _connections = [];
    private readonly Dictionary<Guid, int> _connectionsPerCustomer = [];
    private readonly HashSet<Guid> _used = [];
    private int _misdelivered;
    private long _baselineRssKiB = -1;

    public int Misdelivered => Volatile.Read(ref _misdelivered);

    private sealed class Pending(int expected, DateTimeOffset calledAt)
    {
        public int Remaining = expected;
        public DateTimeOffset CalledAt { get; } = calledAt;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentBag<double> GrainToClient { get; } = [];
        public ConcurrentBag<double> CallToClient { get; } = [];
    }

    /// <summary>Connects clients up to <paramref name="clients"/>, then drives <paramref name="orders"/> orders through every step.</summary>
    public async Task<FanOutLevel> Level(int clients, int orders)
    {
        _baselineRssKiB = _baselineRssKiB < 0 ? NodeRssKiB() : _baselineRssKiB;
        var connectClock = Stopwatch.StartNew();
        using (var progress = new Progress($"{system}: connect {clients} SignalR clients", clients - _connections.Count))
        {
            var next = _connections.Count;
            await Parallel.ForEachAsync(Enumerable.Range(next, clients - next), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (index, _) =>
            {
                var customer = customers[index % customers.Count];
                var connection = await Connect(watchUrls[index % watchUrls.Count], customer);
                lock (_connections)
                {
                    _connections.Add(connection);
                    _connectionsPerCustomer[customer.CustomerId] = _connectionsPerCustomer.GetValueOrDefault(customer.CustomerId) + 1;
                }
                progress.Advance();
            });
        }
        var connectSeconds = connectClock.Elapsed.TotalSeconds;
        // Settle, so that the node's memory is read after the connections' start-up garbage is gone.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var perThousand = (NodeRssKiB() - _baselineRssKiB) / 1024.0 / clients * 1000;

        var connectedCustomers = customers.Take(Math.Min(clients, customers.Count)).ToList();
        var batch = new List<(BenchCustomer Customer, Guid OrderId)>();
        for (var round = 0; batch.Count < orders && round < settings.OrdersPerClient; round++)
        {
            foreach (var customer in connectedCustomers)
            {
                var orderId = customer.OrderIds.FirstOrDefault(id => !_used.Contains(id));
                if (batch.Count < orders && orderId != Guid.Empty)
                {
                    _used.Add(orderId);
                    batch.Add((customer, orderId));
                }
            }
        }
        var level = await Drive(batch);
        return level with { Clients = clients, Customers = connectedCustomers.Count, ConnectSeconds = connectSeconds, NodeMiBPerThousandConnections = perThousand };
    }

    private async Task<HubConnection> Connect(string watchUrl, BenchCustomer customer)
    {
        var owned = customer.OrderIds.ToHashSet();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(watchUrl), "/hubs/orders"), HttpTransportType.WebSockets, options =>
            {
                options.Cookies = customer.Cookies;
                options.SkipNegotiation = true;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.On<StatusMessage>("OrderStatusChanged", message =>
        {
            var receivedAt = DateTimeOffset.UtcNow;
            if (!owned.Contains(message.OrderId))
            {
                Interlocked.Increment(ref _misdelivered);
                return;
            }
            if (_waiting.TryGetValue((message.OrderId, message.Status), out var pending))
            {
                pending.GrainToClient.Add((receivedAt - message.At).TotalMilliseconds);
                pending.CallToClient.Add((receivedAt - pending.CalledAt).TotalMilliseconds);
                if (Interlocked.Decrement(ref pending.Remaining) == 0)
                {
                    pending.Done.TrySetResult();
                }
            }
        });
        await connection.StartAsync();
        // Returns once the hub has run OnConnectedAsync, i.e. once this node is subscribed to the customer's feed.
        await connection.InvokeAsync<List<StatusMessage>>("GetMyOrders");
        return connection;
    }

    private async Task<FanOutLevel> Drive(List<(BenchCustomer Customer, Guid OrderId)> orders)
    {
        var work = new ConcurrentQueue<(BenchCustomer Customer, Guid OrderId)>(orders);
        var grainToClient = new ConcurrentBag<double>();
        var callToClient = new ConcurrentBag<double>();
        var delivered = 0;
        var expected = 0;
        var transitions = 0;
        using var progress = new Progress($"{system}: drive {orders.Count * Steps.Length} transitions", orders.Count * Steps.Length);
        var mailServerCpu = CpuTime.Of(settings.MailServerPid);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            while (work.TryDequeue(out var item))
            {
                var watchers = _connectionsPerCustomer[item.Customer.CustomerId];
                foreach (var step in Steps)
                {
                    var pending = new Pending(watchers, DateTimeOffset.UtcNow);
                    _waiting[(item.OrderId, step)] = pending;
                    var response = step == "Paid"
                        ? await item.Customer.Drive.PostAsync($"/api/orders/{item.OrderId}/pay", null)
                        : await admin.PostAsJsonAsync($"/api/admin/orders/{item.OrderId}/status", new { status = step });
                    await BenchSetup.Ensure(response, $"move an order to {step}");
                    Interlocked.Increment(ref transitions);
                    Interlocked.Add(ref expected, watchers);
                    try
                    {
                        await pending.Done.Task.WaitAsync(Patience);
                    }
                    catch (TimeoutException)
                    {
                        Console.Error.WriteLine($"order {item.OrderId}: {step} reached {watchers - pending.Remaining} of {watchers} clients");
                    }
                    _waiting.TryRemove((item.OrderId, step), out Pending? _);
                    Interlocked.Add(ref delivered, pending.GrainToClient.Count);
                    foreach (var sample in pending.GrainToClient) grainToClient.Add(sample);
                    foreach (var sample in pending.CallToClient) callToClient.Add(sample);
                    progress.Advance();
                }
            }
        }));
        clock.Stop();
        return new FanOutLevel(system, 0, 0, transitions, expected, delivered, transitions / clock.Elapsed.TotalSeconds,
            Percentiles.Of(grainToClient.ToArray()), Percentiles.Of(callToClient.ToArray()), 0, 0, CpuTime.Of(settings.MailServerPid) - mailServerCpu);
    }

    /// <summary>Resident memory of the watch nodes' processes, summed (KiB, from /proc).</summary>
    private long NodeRssKiB() => nodePids.Sum(pid =>
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    });

    public async ValueTask DisposeAsync()
    {
        using var progress = new Progress($"{system}: disconnect clients", _connections.Count);
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (connection, _) =>
        {
            await connection.DisposeAsync();
            progress.Advance();
        });
    }
}
