namespace MyStamp.Orders.Contracts;

/// <summary>One order of stamp sheets. The key is a random id chosen when the order is placed.</summary>
[Alias("mystamp.orders.order")]
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>Places the order; placing the same order twice is refused.</summary>
    Task<OrderView> Place(PlaceOrder command);

    /// <summary>The order as its owner sees it, or null when no order has this id.</summary>
    Task<OrderView?> Get();
}

/// <summary>What a customer asks for when placing an order.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.place-order")]
public sealed record PlaceOrder(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] Guid DesignId,
    [property: Id(2)] int Sheets);

/// <summary>An order's status.</summary>
public enum OrderStatus
{
    Submitted = 0,
}

/// <summary>An order as shown to its owner.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.order-view")]
public sealed record OrderView(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] Guid DesignId,
    [property: Id(3)] int Sheets,
    [property: Id(4)] OrderStatus Status,
    [property: Id(5)] DateTimeOffset PlacedAt);
