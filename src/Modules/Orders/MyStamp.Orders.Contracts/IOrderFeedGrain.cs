using Orleans.Concurrency;

namespace MyStamp.Orders.Contracts;

/// <summary>
/// The live feed of one customer's orders, keyed by the customer id. Every node that holds a SignalR
/// connection of this customer subscribes its node observer here; order and bulk-order grains publish
/// here; the feed forwards to the subscribed nodes only, so a change reaches the owner's browsers on
/// whichever node they are connected to, and nobody else's (the GPSTracker pattern). Subscriptions
/// expire unless renewed, so a node that dies without unsubscribing is forgotten.
/// </summary>
[Alias("mystamp.orders.order-feed")]
public interface IOrderFeedGrain : IGrainWithGuidKey
{
    /// <summary>Adds or renews a node's subscription.</summary>
    Task Subscribe(IOrderFeedObserver node);

    /// <summary>Removes a node's subscription (its last connection of this customer closed, or the node stops).</summary>
    Task Unsubscribe(IOrderFeedObserver node);

    /// <summary>Forwards a status change of one of this customer's orders to the subscribed nodes.</summary>
    Task PublishStatusChanged(OrderStatusChanged change);

    /// <summary>Forwards the progress of one of this customer's bulk orders to the subscribed nodes.</summary>
    Task PublishBulkOrderProgress(BulkOrderProgress progress);
}

/// <summary>A node's receiver for the feeds of the customers connected to it (one per node).</summary>
[Alias("mystamp.orders.order-feed-observer")]
public interface IOrderFeedObserver : IGrainObserver
{
    /// <summary>One of <paramref name="customerId"/>'s orders changed status.</summary>
    [OneWay]
    Task OrderStatusChanged(Guid customerId, OrderStatusChanged change);

    /// <summary>One of <paramref name="customerId"/>'s bulk orders made progress.</summary>
    [OneWay]
    Task BulkOrderProgressed(Guid customerId, BulkOrderProgress progress);
}

/// <summary>The message browsers receive as <c>OrderStatusChanged {orderId, status, at}</c>.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.order-status-changed")]
public sealed record OrderStatusChanged(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] OrderStatus Status,
    [property: Id(2)] DateTimeOffset At);
