using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace MyStamp.Bench.Orders;

internal sealed record FanOutResult(int Transitions, int Delivered, int Misdelivered, double TransitionsPerSecond, Percentiles GrainToClient, Percentiles CallToClient);

/// <summary>What a client receives: the hub's OrderStatusChanged message.</summary>
internal sealed record StatusMessage(Guid OrderId, string Status, DateTimeOffset At);

/// <summary>Connects every customer to node A, drives every order through its lifecycle via node B, and times the pushes.</summary>
internal static class FanOutRun
{
    private static readonly string[] Steps = ["Paid", "InProduction", "Printed", "Shipped", "Delivered"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<FanOutResult> Run(BenchSettings settings, HttpClient admin, IReadOnlyList<BenchCustomer> customers)
    {
        var waiting = new ConcurrentDictionary<(Guid OrderId, string Status), TaskCompletionSource<(StatusMessage Message, DateTimeOffset ReceivedAt)>>();
        var misdelivered = 0;
        var connections = new List<HubConnection>();
        foreach (var customer in customers)
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
                    Interlocked.Increment(ref misdelivered);
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
            connections.Add(connection);
        }

        var work = new ConcurrentQueue<(BenchCustomer Customer, Guid OrderId)>(customers.SelectMany(c => c.OrderIds.Select(id => (c, id))));
        var grainToClient = new ConcurrentBag<double>();
        var callToClient = new ConcurrentBag<double>();
        var delivered = 0;
        var transitions = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async driver =>
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
                    waiting.TryRemove((item.OrderId, step), out _);
                }
            }
        }));
        clock.Stop();

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        return new FanOutResult(transitions, delivered, misdelivered, transitions / clock.Elapsed.TotalSeconds,
            Percentiles.Of(grainToClient.ToArray()), Percentiles.Of(callToClient.ToArray()));
    }
}
