using Microsoft.Extensions.Logging;
using MyStamp.Orders.Contracts;
using Orleans.Utilities;

namespace MyStamp.Orders.Live;

/// <summary>
/// One customer's live feed: the nodes where that customer has browsers connected. Kept in memory only:
/// nodes renew their subscription every <see cref="OrderFeedTiming.RenewEvery"/>, so after a restart or a
/// move of this grain the list fills again by itself, and a node that vanished expires.
/// </summary>
internal sealed class OrderFeedGrain(ILogger<OrderFeedGrain> logger) : Grain, IOrderFeedGrain
{
    private readonly ObserverManager<IOrderFeedObserver> _nodes = new(OrderFeedTiming.SubscriptionLifetime, logger);

    public Task Subscribe(IOrderFeedObserver node)
    {
        _nodes.Subscribe(node, node);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IOrderFeedObserver node)
    {
        _nodes.Unsubscribe(node);
        return Task.CompletedTask;
    }

    public Task PublishStatusChanged(OrderStatusChanged change)
    {
        var customerId = this.GetPrimaryKey();
        // The observer methods are one-way: a slow or dead node does not hold up the order grain.
        _nodes.Notify(node => node.OrderStatusChanged(customerId, change));
        return Task.CompletedTask;
    }

    public Task PublishBulkOrderProgress(BulkOrderProgress progress)
    {
        var customerId = this.GetPrimaryKey();
        _nodes.Notify(node => node.BulkOrderProgressed(customerId, progress));
        return Task.CompletedTask;
    }
}
