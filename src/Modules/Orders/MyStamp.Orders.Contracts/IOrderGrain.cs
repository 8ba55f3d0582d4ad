using MyStamp.Customers.Contracts;

namespace MyStamp.Orders.Contracts;

/// <summary>
/// One order of stamp sheets: its line, shipping address, price, status history, the customer's
/// controller attestation (O2) and its own retention deadline (O7). The key is a random id chosen when
/// the order is placed, never personal data.
/// </summary>
[Alias("mystamp.orders.order")]
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Places the order: the design must be an approved design of the same customer, the sheets within
    /// the customer's limit (1–100, Pro 1–10 000), and the controller attestation given (O2). Tells the
    /// customer grain that an order was placed (O7). Placing the same order id twice is refused (409).
    /// </summary>
    Task<OrderView> Place(PlaceOrder command);

    /// <summary>The order, or null when no order has this id. For admins and the module itself.</summary>
    Task<OrderView?> Get();

    /// <summary>The order as its owner sees it, or null when it does not exist or belongs to someone else.</summary>
    Task<OrderView?> GetFor(Guid customerId);

    /// <summary>Pays a submitted order through the payment step (simulated here). 404 for someone else's order, 409 unless submitted.</summary>
    Task<OrderView> Pay(Guid customerId);

    /// <summary>Cancels the order for its owner: allowed only before production (409 afterwards, nothing changes).</summary>
    Task<OrderView> Cancel(Guid customerId);

    /// <summary>
    /// Moves the order to <paramref name="next"/> on behalf of production or an admin. A transition the
    /// lifecycle forbids throws a conflict (409) and changes nothing.
    /// </summary>
    Task<OrderView> MoveTo(OrderStatus next, TransitionSource source);

    /// <summary>
    /// Erases the order's personal data when its customer is erased (O7): the shipping address, the
    /// enterprise number, who gave the controller attestation, the link to the customer, the design and the
    /// bulk order, the overview row and the retention reminder. What identifies no one stays under the
    /// order's random id for the accounts: tariff, sheets, price, status history and dates, the payment
    /// reference. Idempotent; an order that does not exist is left alone.
    /// </summary>
    Task ErasePersonalData(MyStamp.Retention.Contracts.ErasureSource source);
}

/// <summary>An order's status. Numbers are stored: never renumber.</summary>
public enum OrderStatus
{
    Submitted = 0,
    Paid = 1,
    InProduction = 2,
    Printed = 3,
    Shipped = 4,
    Delivered = 5,
    /// <summary>Cancelled by the customer or an admin; only possible before production.</summary>
    Cancelled = 6,
    /// <summary>Refused, for instance when moderation rejects the material.</summary>
    Rejected = 7,
}

/// <summary>Who caused a transition; kept in the history.</summary>
public enum TransitionSource
{
    Customer = 0,
    Payment = 1,
    Admin = 2,
    /// <summary>The production batch job.</summary>
    Production = 3,
    Moderation = 4,
}

/// <summary>The postal tariffs a sheet can be printed for; prices come from the price table in configuration.</summary>
public enum Tariff
{
    BelgiumNonPrior = 0,
    BelgiumPrior = 1,
    Europe = 2,
    World = 3,
}

/// <summary>What a customer asks for when placing an order.</summary>
/// <param name="ShippingAddress">Where to ship; null ships to the address of the customer's profile.</param>
/// <param name="ControllerAttestation">
/// The customer confirms being the controller for the people shown or named on the material (O2);
/// an order without it is refused.
/// </param>
/// <param name="BulkOrderId">The Pro bulk order this order comes from, if any.</param>
/// <param name="PlacedAt">
/// For a bulk line: the time the bulk order gave its chunk of lines when it told the customer about them, so
/// that placing the line tells the customer nothing new. Null (and any time still to come) places the order now.
/// </param>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.place-order")]
public sealed record PlaceOrder(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] Guid DesignId,
    [property: Id(2)] Tariff Tariff,
    [property: Id(3)] int Sheets,
    [property: Id(4)] PostalAddress? ShippingAddress,
    [property: Id(5)] bool ControllerAttestation,
    [property: Id(6)] Guid? BulkOrderId = null,
    [property: Id(7)] DateTimeOffset? PlacedAt = null)
{
    /// <summary>Holds a shipping address: personal data, never logged.</summary>
    public override string ToString() => $"PlaceOrder {{ CustomerId = {CustomerId}, DesignId = {DesignId}, Tariff = {Tariff}, Sheets = {Sheets} }}";
}

/// <summary>One step of the lifecycle, timestamped.</summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.status-change")]
public sealed record StatusChange(
    [property: Id(0)] OrderStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] TransitionSource Source);

/// <summary>
/// The customer's confirmation that they are the controller of the people on the material and the shop
/// is only the processor (O2): who confirmed, when, and under which version of the privacy policy.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.controller-attestation")]
public sealed record ControllerAttestation(
    [property: Id(0)] Guid AttestedBy,
    [property: Id(1)] DateTimeOffset AttestedAt,
    [property: Id(2)] int PolicyVersion);

/// <summary>The price of an order, from the configured price table. Amounts are in <see cref="Currency"/>.</summary>
/// <param name="SheetPrice">Price of one sheet without VAT.</param>
/// <param name="VatRate">VAT in percent, e.g. 21.</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.order-price")]
public sealed record OrderPrice(
    [property: Id(0)] string Currency,
    [property: Id(1)] Tariff Tariff,
    [property: Id(2)] int Sheets,
    [property: Id(3)] decimal SheetPrice,
    [property: Id(4)] decimal Net,
    [property: Id(5)] decimal VatRate,
    [property: Id(6)] decimal Vat,
    [property: Id(7)] decimal Total);

/// <summary>An order as its owner (or an admin) sees it.</summary>
/// <param name="EnterpriseNumber">The enterprise (VAT) number of a Pro customer, shown on the order; null for consumers.</param>
/// <param name="RetentionUntil">When this order's personal data is due for erasure: placement plus three years (O7).</param>
[GenerateSerializer, Immutable]
[Alias("mystamp.orders.order-view")]
public sealed record OrderView(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] Guid DesignId,
    [property: Id(3)] Tariff Tariff,
    [property: Id(4)] int Sheets,
    [property: Id(5)] PostalAddress ShippingAddress,
    [property: Id(6)] OrderStatus Status,
    [property: Id(7)] IReadOnlyList<StatusChange> History,
    [property: Id(8)] OrderPrice Price,
    [property: Id(9)] string? EnterpriseNumber,
    [property: Id(10)] ControllerAttestation Attestation,
    [property: Id(11)] DateTimeOffset PlacedAt,
    [property: Id(12)] DateTimeOffset RetentionUntil,
    [property: Id(13)] Guid? BulkOrderId)
{
    /// <summary>Holds a shipping address: personal data, never logged.</summary>
    public override string ToString() => $"OrderView {{ OrderId = {OrderId}, Status = {Status} }}";
}
