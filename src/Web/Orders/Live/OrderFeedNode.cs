using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyStamp.Orders.Contracts;

namespace MyStamp.Web.Orders.Live;

/// <summary>
/// This node's end of the live order feed (the GPSTracker pattern). While a customer has at least one
/// SignalR connection here, this node is subscribed, through one grain observer, to that customer's
/// <see cref="IOrderFeedGrain"/>; what the feed forwards goes to that customer's connections on this node
/// only. Subscriptions are renewed every <see cref="OrderFeedTiming.RenewEvery"/> (they expire, so a node
/// that dies is forgotten) and withdrawn when the node stops.
/// </summary>
public sealed partial class OrderFeedNode(IGrainFactory grains, IHubContext<OrdersHub> hub, LiveFeedMetrics metrics, ILogger<OrderFeedNode> logger)
    : IOrderFeedObserver, IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Guid, Customer> _customers = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _referenceLock = new();
    private IOrderFeedObserver? _reference;
    private Task? _renewal;

    /// <summary>Customers with at least one connection on this node.</summary>
    public int ConnectedCustomers => _customers.Values.Count(customer => customer.Connections > 0);

    // The reference that feed grains call back; created once, after the silo runs. The runtime holds
    // only a weak reference to this object: the node itself, a singleton, keeps it alive.
    private IOrderFeedObserver Reference
    {
        get
        {
            lock (_referenceLock)
            {
                return _reference ??= grains.CreateObjectReference<IOrderFeedObserver>(this);
            }
        }
    }

    /// <summary>A connection of <paramref name="customerId"/> opened here; the first one subscribes this node.</summary>
    public async Task Connected(Guid customerId)
    {
        while (true)
        {
            var customer = _customers.GetOrAdd(customerId, _ => new Customer());
            await customer.Gate.WaitAsync();
            try
            {
                if (customer.Removed)
                {
                    continue; // lost a race with the last disconnect: take the fresh entry
                }
                customer.Connections++;
                if (customer.Connections == 1)
                {
                    await Feed(customerId).Subscribe(Reference);
                }
                return;
            }
            catch
            {
                customer.Connections--;
                throw;
            }
            finally
            {
                customer.Gate.Release();
            }
        }
    }

    /// <summary>A connection closed; the last one of this customer here unsubscribes this node.</summary>
    public async Task Disconnected(Guid customerId)
    {
        if (!_customers.TryGetValue(customerId, out var customer))
        {
            return;
        }
        await customer.Gate.WaitAsync();
        try
        {
            customer.Connections--;
            if (customer.Connections > 0)
            {
                return;
            }
            customer.Removed = true;
            _customers.TryRemove(new KeyValuePair<Guid, Customer>(customerId, customer));
            await Feed(customerId).Unsubscribe(Reference);
        }
        catch (Exception exception)
        {
            // Harmless: the subscription expires, and messages for a customer without connections go nowhere.
            LogFeedCallFailed(exception, customerId);
        }
        finally
        {
            customer.Gate.Release();
        }
    }

    Task IOrderFeedObserver.OrderStatusChanged(Guid customerId, OrderStatusChanged change) =>
        Send(customerId, OrdersHub.OrderStatusChangedMessage, change, "status");

    Task IOrderFeedObserver.BulkOrderProgressed(Guid customerId, BulkOrderProgress progress) =>
        Send(customerId, OrdersHub.BulkOrderProgressMessage, progress, "bulk-progress");

    private Task Send(Guid customerId, string message, object payload, string kind)
    {
        // Only the connections signed in as this customer: the hub put each in its cookie's customer group.
        if (!_customers.TryGetValue(customerId, out var customer) || customer.Connections == 0)
        {
            return Task.CompletedTask;
        }
        metrics.Pushed(kind);
        return hub.Clients.Group(OrdersHub.CustomerGroup(customerId)).SendAsync(message, payload);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _renewal = Task.Run(() => RenewSubscriptions(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_renewal is not null)
        {
            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        // Withdraw from every feed now, rather than leave them to expire, so nothing is sent to a node that is gone.
        await ForEachConnectedCustomer((customerId, observer) => Feed(customerId).Unsubscribe(observer), cancellationToken);
    }

    private async Task RenewSubscriptions(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(OrderFeedTiming.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await ForEachConnectedCustomer((customerId, observer) => Feed(customerId).Subscribe(observer), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ForEachConnectedCustomer(Func<Guid, IOrderFeedObserver, Task> call, CancellationToken cancellationToken)
    {
        var connected = _customers.Where(pair => pair.Value.Connections > 0).Select(pair => pair.Key).ToList();
        if (connected.Count == 0)
        {
            return;
        }
        var observer = Reference;
        await Parallel.ForEachAsync(connected, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (customerId, _) =>
        {
            try
            {
                await call(customerId, observer);
            }
            catch (Exception exception)
            {
                LogFeedCallFailed(exception, customerId);
            }
        });
    }

    private IOrderFeedGrain Feed(Guid customerId) => grains.GetGrain<IOrderFeedGrain>(customerId);

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live order feed of customer {CustomerId} could not be reached")]
    private partial void LogFeedCallFailed(Exception exception, Guid customerId);

    private sealed class Customer
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Connections { get; set; }
        public bool Removed { get; set; }
    }
}
