namespace MyStamp.Orders.Contracts;

/// <summary>
/// Lists orders from the orders overview (a read model in PostgreSQL that holds no personal data) and
/// quotes prices from the configured price table. Stateless: use key 0.
/// </summary>
// The alias keeps its earlier name ("catalog"): messages and references already persisted stay readable.
[Alias("mystamp.orders.catalog")]
public interface IOrdersOverviewGrain : IGrainWithIntegerKey
{
    /// <summary>A customer's orders, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OrderSummary>> ListForCustomer(Guid customerId, int limit);

    /// <summary>Orders in one status, oldest change first (the order production works through them), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OrderSummary>> ListByStatus(OrderStatus status, int limit);

    /// <summary>The price table: sheet prices per tariff, VAT rate, currency and sheet limits.</summary>
    Task<PriceList> GetPriceList();

    /// <summary>What <paramref name="sheets"/> sheets at <paramref name="tariff"/> cost, VAT included.</summary>
    Task<OrderPrice> Quote(Tariff tariff, int sheets);
}

/// <summary>One row of the orders overview: no personal data beyond the customer's random id.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.order-summary")]
public sealed record OrderSummary(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] Guid DesignId,
    [property: Id(3)] OrderStatus Status,
    [property: Id(4)] DateTimeOffset StatusAt,
    [property: Id(5)] Tariff Tariff,
    [property: Id(6)] int Sheets,
    [property: Id(7)] decimal Total,
    [property: Id(8)] string Currency,
    [property: Id(9)] DateTimeOffset PlacedAt,
    [property: Id(10)] Guid? BulkOrderId);

/// <summary>The price table as customers see it.</summary>
/// <param name="SheetPrices">Price of one sheet per tariff, without VAT.</param>
/// <param name="VatRate">VAT in percent.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.price-list")]
public sealed record PriceList(
    [property: Id(0)] string Currency,
    [property: Id(1)] decimal VatRate,
    [property: Id(2)] int StampsPerSheet,
    [property: Id(3)] IReadOnlyDictionary<Tariff, decimal> SheetPrices,
    [property: Id(4)] int MaxSheetsConsumer,
    [property: Id(5)] int MaxSheetsPro);
