using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MyStamp.Bench.Shared;

namespace MyStamp.Bench.Orders;

/// <summary>One step of the fan-out run: how many clients were connected and what the transitions driven then gave.</summary>
internal sealed record FanOutLevel(int Clients, int Transitions, int Delivered, double TransitionsPerSecond, Percentiles GrainToClient, Percentiles CallToClient);

internal sealed record FanOutResult(IReadOnlyList<FanOutLevel> Levels, int Misdelivered)
{
    public int Transitions => Levels.Sum(l => l.Transitions);
    public int Delivered => Levels.Sum(l => l.Delivered);
}

/// <summary>What a client receives: the hub's OrderStatusChanged message.</summary>
internal sealed record StatusMessage(Guid OrderId, string Status, DateTimeOffset At);

/// <summary>
/// Connects the customers to node A in steps (an eighth, a quarter, half, all of them) and at each step drives
/// the same number of orders (owned by connected customers) through their lifecycle via node B, timing each
/// push, so the latency can be read against the number of connected clients.
/// </summary>
internal static class FanOutRun
{
    private static readonly string[] Steps = ["Paid", "InProduction", "Printed", "Shipped", "Delivered"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<FanOutResult> Run(BenchSettings settings, HttpClient admin, IReadOnlyList<BenchCustomer> customers)
    {
        var waiting = new ConcurrentDictionary<(Guid OrderId, string Status), TaskCompletionSource<(StatusMessage Message, DateTimeOffset ReceivedAt)>>();
        var misdelivered = 0;
        var connections = new List<HubConnection>();
        var levels = new[] { customers.Count / 8, customers.Count / 4, customers.Count / 2, customers.Count }.Where(n => n > 0).Distinct().ToArray();
        var ordersPerLevel = Math.Max(1, customers.Count / 4);
        var used = new HashSet<Guid>();
        var results = new List<FanOutLevel>();
        using var progress = new Progress("orders: live-status fan-out", levels.Length * ordersPerLevel * Steps.Length);

        foreach (var level in levels)
        {
            foreach (var customer in customers.Take(level).Skip(connections.Count))
            {
                connections.Add(await Connect(settings, customer, waiting, () => Interlocked.Increment(ref misdelivered)));
            }
            // The same number of orders at every step, spread over the connected customers.
            var batch = new List<(BenchCustomer Customer, Guid OrderId)>();
            for (var round = 0; batch.Count < ordersPerLevel && round < settings.OrdersPerClient; round++)
            {
                foreach (var customer in customers.Take(level))
                {
                    if (batch.Count < ordersPerLevel && customer.OrderIds.FirstOrDefault(id => !used.Contains(id)) is var orderId && orderId != Guid.Empty)
                    {
                        used.Add(orderId);
                        batch.Add((customer, orderId));
                    }
                }
            }
            results.Add(await Drive(settings, admin, batch, waiting, progress));
            results[^1] = results[^1] with { Clients = level };
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        return new FanOutResult(results, misdelivered);
    }

    private static async Task<HubConnection> Connect(BenchSettings settings, BenchCustomer customer,
        ConcurrentDictionary<(Guid, string), TaskCompletionSource<(StatusMessage, DateTimeOffset)>> waiting, Action misdelivered)
    {
        var owned = customer.OrderIds.ToHashSet();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(settings.WatchUrl), "/hubs/orders"), options => options.Cookies = customer.Cookies)
            .Build();
        connection.On<StatusMessage>("OrderStatusChanged", message =>
        {
            var receivedAt = DateTimeOffset.UtcNow;
            if (!owned.Contains(message.OrderId))
            {
                misdelivered();
                return;
            }
            if (waiting.TryGetValue((message.OrderId, message.Status), out var waiter))
            {
                waiter.TrySetResult((message, receivedAt));
            }
        });
        await connection.StartAsync();
        // Returns once the hub has run OnConnectedAsync, i.e. once this node is subscribed to the feed.
        await connection.InvokeAsync<List<StatusMessage>>("GetMyOrders");
        return connection;
    }

    private static async Task<FanOutLevel> Drive(BenchSettings settings, HttpClient admin, List<(BenchCustomer Customer, Guid OrderId)> orders,
        ConcurrentDictionary<(Guid, string), TaskCompletionSource<(StatusMessage, DateTimeOffset)>> waiting, Progress progress)
    {
        var work = new ConcurrentQueue<(BenchCustomer Customer, Guid OrderId)>(orders);
        var grainToClient = new ConcurrentBag<double>();
        var callToClient = new ConcurrentBag<double>();
        var delivered = 0;
        var transitions = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            while (work.TryDequeue(out var item))
            {
                foreach (var step in Steps)
                {
                    var waiter = new TaskCompletionSource<(StatusMessage, DateTimeOffset)>(TaskCreationOptions.RunContinuationsAsynchronously);
                    waiting[(item.OrderId, step)] = waiter;
                    var calledAt = DateTimeOffset.UtcNow;
                    var response = step == "Paid"
                        ? await item.Customer.Drive.PostAsync($"/api/orders/{item.OrderId}/pay", null)
                        : await admin.PostAsJsonAsync($"/api/admin/orders/{item.OrderId}/status", new { status = step });
                    await BenchSetup.Ensure(response, $"move an order to {step}");
                    Interlocked.Increment(ref transitions);
                    try
                    {
                        var (message, receivedAt) = await waiter.Task.WaitAsync(Patience);
                        grainToClient.Add((receivedAt - message.At).TotalMilliseconds);
                        callToClient.Add((receivedAt - calledAt).TotalMilliseconds);
                        Interlocked.Increment(ref delivered);
                    }
                    catch (TimeoutException)
                    {
                        Console.Error.WriteLine($"order {item.OrderId}: {step} never reached its client");
                    }
                    waiting.TryRemove((item.OrderId, step), out TaskCompletionSource<(StatusMessage, DateTimeOffset)>? _);
                    progress.Advance();
                }
            }
        }));
        clock.Stop();
        return new FanOutLevel(0, transitions, delivered, transitions / clock.Elapsed.TotalSeconds,
            Percentiles.Of(grainToClient.ToArray()), Percentiles.Of(callToClient.ToArray()));
    }
}
