using Microsoft.Extensions.Logging;
using MyStamp.BuildingBlocks.Errors;
using MyStamp.BuildingBlocks.Grains;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Keys.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Orders.Mail;
using MyStamp.Orders.OrdersOverview;
using MyStamp.Orders.Payment;
using MyStamp.Orders.Pricing;
using MyStamp.Studio.Contracts;

namespace MyStamp.Orders.Lifecycle;

/// <summary>The state of one order, stored under its own state name ("order").</summary>
[GenerateSerializer]
[Alias("mystamp.orders.order-state")]
public sealed class OrderState : IPersonalState
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public Guid DesignId { get; set; }
    [Id(2)] public Tariff Tariff { get; set; }
    [Id(3)] public int Sheets { get; set; }
    [Id(4)] public PostalAddress? ShippingAddress { get; set; }
    [Id(5)] public OrderStatus Status { get; set; }
    [Id(6)] public List<StatusChange> History { get; set; } = [];
    [Id(7)] public OrderPrice? Price { get; set; }
    /// <summary>The Pro customer's enterprise number at the time of ordering, printed on the order.</summary>
    [Id(8)] public string? EnterpriseNumber { get; set; }
    /// <summary>O2: who confirmed being the controller for the people on the material, when, under which policy version.</summary>
    [Id(9)] public ControllerAttestation? Attestation { get; set; }
    [Id(10)] public DateTimeOffset PlacedAt { get; set; }
    /// <summary>O7: placement plus three years; the retention work builds its reminders on it.</summary>
    [Id(11)] public DateTimeOffset RetentionUntil { get; set; }
    [Id(12)] public string? PaymentReference { get; set; }
    [Id(13)] public Guid? BulkOrderId { get; set; }
    /// <summary>O7: when the order's personal data was erased; what remains is for the accounts only.</summary>
    [Id(14)] public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Sealed under the customer's key; once erased, what stays for the accounts under the order's own.</summary>
    Guid? IPersonalState.DataSubject => CustomerId == Guid.Empty ? null : CustomerId;
}

/// <summary>One order, read top to bottom as its lifecycle: place, pay, cancel, move through production, erase.</summary>
/// <remarks>
/// Activated on the node whose web edge (or bulk run) first calls it: a new order then costs no hop between nodes to
/// reach it, and the customer's later calls come through any node, as before.
/// </remarks>
[Orleans.Placement.PreferLocalPlacement]
internal sealed partial class OrderGrain(
    [PersistentState("order", GrainStorage.Name)] IPersistentState<OrderState> order,
    PriceCalculator pricing,
    IPaymentGateway payments,
    OrdersOverviewTable overview,
    TimeProvider clock,
    IRetentionIndex retentionIndex,
    OrdersMetrics metrics,
    OrderMails mails,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRetentionSubject, IRemindable
{
    private Guid OrderId => this.GetPrimaryKey();

    public async Task<OrderView> Place(PlaceOrder command)
    {
        if (order.RecordExists)
        {
            // A bulk run interrupted between the state write and the steps after it (a node killed) retries the
            // line: finish those steps, so the order reaches the read model (lists, production batch) and gets its
            // retention reminder and index row (O7). Both are idempotent. Found by the soak test.
            if (command.BulkOrderId is { } bulkOrderId && order.State.BulkOrderId == bulkOrderId && order.State.CustomerId == command.CustomerId)
            {
                await Task.WhenAll(overview.Upsert(ToSummary()), ScheduleRetention());
            }
            throw DomainException.Conflict("This order has already been placed.");
        }

        var errors = new FieldErrors();
        if (!command.ControllerAttestation)
        {
            // O2: the customer is controller for the people on the material; we only process it.
            errors.Add("controllerAttestation", "Confirm that you may use the likeness and names of the people shown or named on your stamps.");
        }
        if (!Enum.IsDefined(command.Tariff))
        {
            errors.Add("tariff", "Choose one of the tariffs.");
        }
        var shippingAddress = command.ShippingAddress is null ? null : OrderRules.Tidy(command.ShippingAddress);
        if (shippingAddress is not null)
        {
            OrderRules.CheckAddress(shippingAddress, "shippingAddress", errors);
        }

        // Both answer from their activations' memory, so they are asked at once.
        var customer = GrainFactory.GetGrain<ICustomerGrain>(command.CustomerId);
        var design = GrainFactory.GetGrain<IDesignGrain>(command.DesignId);
        var profileRead = customer.GetProfile();
        var summaryRead = design.GetSummary();
        await Task.WhenAll(profileRead, summaryRead);
        var profile = await profileRead ?? throw DomainException.Forbidden("Only a registered customer can place an order.");
        if (!profile.EmailVerified)
        {
            throw DomainException.Forbidden(EmailNotVerified);
        }
        var summary = await summaryRead;
        OrderRules.CheckSheets(command.Sheets, OrderRules.MaxSheetsFor(profile.AccountType), errors);
        if (summary is null || summary.OwnerId != command.CustomerId)
        {
            errors.Add("designId", "Choose one of your own designs.");
        }
        else if (summary.Status != DesignStatus.Approved)
        {
            errors.Add("designId", "This design has not been approved yet: only approved designs can be ordered.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        // A bulk line is placed at the time its chunk was told to the customer (see PlaceOrder.PlacedAt).
        if (command.PlacedAt is { } placedAt && placedAt < now)
        {
            now = placedAt;
        }
        // O7: the customer's last order is where their three-year retention counts from, and the customer's list is
        // what an erasure on request walks. Both are told before the order is stored (at once: different grains):
        // should storing fail, the customer merely keeps data a little longer; the order never exists unlisted.
        await Task.WhenAll(customer.RecordOrdersPlaced([OrderId], now), design.MarkOrdered());

        order.State = new OrderState
        {
            CustomerId = command.CustomerId,
            DesignId = command.DesignId,
            Tariff = command.Tariff,
            Sheets = command.Sheets,
            ShippingAddress = shippingAddress ?? profile.Address,
            Status = OrderStatus.Submitted,
            History = [new StatusChange(OrderStatus.Submitted, now, TransitionSource.Customer)],
            Price = pricing.Quote(command.Tariff, command.Sheets),
            EnterpriseNumber = profile.AccountType == AccountType.Pro ? profile.VatNumber : null,
            Attestation = new ControllerAttestation(command.CustomerId, now, profile.AcceptedPolicyVersion),
            PlacedAt = now,
            RetentionUntil = RetentionPeriod.DeadlineAfter(now),
            BulkOrderId = command.BulkOrderId,
        };
        await order.WriteStateAsync();
        // Once the order is stored, the read model, the reminder and the index row are independent of each other.
        await Task.WhenAll(overview.Upsert(ToSummary()), ScheduleRetention());
        metrics.Placed(command.Tariff, bulk: command.BulkOrderId is not null);
        LogPlaced(OrderId, command.CustomerId);
        return ToView();
    }

    public Task<OrderView?> Get() => Task.FromResult(Exists ? ToView() : null);

    public Task<OrderView?> GetFor(Guid customerId) => Task.FromResult(IsOwnedBy(customerId) ? ToView() : null);

    public async Task<OrderView> Pay(Guid customerId)
    {
        EnsureOwnedBy(customerId);
        // Refuse before charging: a forbidden transition must change nothing, money included.
        OrderLifecycle.EnsureCanMove(order.State.Status, OrderStatus.Paid);
        var result = await payments.Charge(OrderId, order.State.Price!);
        if (!result.Approved)
        {
            throw DomainException.Conflict(result.DeclineReason ?? "The payment was declined.");
        }
        var paid = await Transition(OrderStatus.Paid, TransitionSource.Payment, state => state.PaymentReference = result.Reference);
        await mails.SendConfirmation(OrderId, order.State.CustomerId, order.State.Price!);
        return paid;
    }

    /// <summary>The answer to an order by a customer whose address is not verified yet (403, and the order page's message).</summary>
    public const string EmailNotVerified =
        "Verify your e-mail address first: open the link we mailed you (or have a new one sent from your profile), then order.";

    public async Task<OrderView> Cancel(Guid customerId)
    {
        EnsureOwnedBy(customerId);
        return await CancelOrReject(OrderStatus.Cancelled, TransitionSource.Customer);
    }

    public async Task<OrderView> MoveTo(OrderStatus next, TransitionSource source)
    {
        if (!Exists)
        {
            throw DomainException.NotFound("The order");
        }
        if (!Enum.IsDefined(next))
        {
            throw DomainException.Invalid("status", "Unknown status.");
        }
        if (next is OrderStatus.Cancelled or OrderStatus.Rejected)
        {
            return await CancelOrReject(next, source);
        }
        var moved = await Transition(next, source);
        if (next == OrderStatus.Shipped)
        {
            await mails.SendShippingNotice(OrderId, order.State.CustomerId, order.State.Price!);
        }
        return moved;
    }

    private async Task<OrderView> CancelOrReject(OrderStatus next, TransitionSource source)
    {
        OrderLifecycle.EnsureCanMove(order.State.Status, next);
        if (order.State.PaymentReference is { } reference)
        {
            await payments.Refund(OrderId, reference, order.State.Price!);
        }
        return await Transition(next, source);
    }

    /// <summary>The one place where the status changes: checked, timestamped in the history, stored, published.</summary>
    private async Task<OrderView> Transition(OrderStatus next, TransitionSource source, Action<OrderState>? alongside = null)
    {
        OrderLifecycle.EnsureCanMove(order.State.Status, next);
        var at = clock.GetUtcNow();
        order.State.Status = next;
        order.State.History.Add(new StatusChange(next, at, source));
        alongside?.Invoke(order.State);
        try
        {
            await order.WriteStateAsync();
        }
        catch
        {
            // Nothing changes unless it is stored: drop the change made in memory.
            await order.ReadStateAsync();
            throw;
        }
        // Once stored, the change is told to the customer's browsers at once with the read model's row: the push
        // carries the new status itself, so it need not wait for the lists' table.
        await Task.WhenAll(overview.Upsert(ToSummary()), Publish(new OrderStatusChanged(OrderId, next, at)));
        metrics.Moved(next);
        return ToView();
    }

    private async Task Publish(OrderStatusChanged change)
    {
        try
        {
            await GrainFactory.GetGrain<IOrderFeedGrain>(order.State.CustomerId).PublishStatusChanged(change);
        }
        catch (Exception exception)
        {
            // The change is stored; a browser that missed it gets the status when it reconnects.
            LogPublishFailed(exception, OrderId);
        }
    }

    /// <summary>Placed and not erased: an erased order is kept for the accounts only, and answers like a missing one.</summary>
    private bool Exists => order.RecordExists && order.State.ErasedAt is null;

    private bool IsOwnedBy(Guid customerId) => Exists && order.State.CustomerId == customerId;

    private void EnsureOwnedBy(Guid customerId)
    {
        if (!IsOwnedBy(customerId))
        {
            // Someone else's order answers exactly like a missing one.
            throw DomainException.NotFound("The order");
        }
    }

    private OrderView ToView()
    {
        var state = order.State;
        return new OrderView(OrderId, state.CustomerId, state.DesignId, state.Tariff, state.Sheets, state.ShippingAddress!, state.Status,
            state.History.ToList(), state.Price!, state.EnterpriseNumber, state.Attestation!, state.PlacedAt, state.RetentionUntil, state.BulkOrderId);
    }

    private OrderSummary ToSummary()
    {
        var state = order.State;
        return new OrderSummary(OrderId, state.CustomerId, state.DesignId, state.Status, state.History[^1].At, state.Tariff, state.Sheets,
            state.Price!.Total, state.Price.Currency, state.PlacedAt, state.BulkOrderId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed by customer {CustomerId}")]
    private partial void LogPlaced(Guid orderId, Guid customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the status change could not be pushed to the live feed")]
    private partial void LogPublishFailed(Exception exception, Guid orderId);
}
