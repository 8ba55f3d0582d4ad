using Microsoft.Extensions.Logging;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;

// The order's retention (O7), beside its lifecycle: same grain, same state, its own file.
namespace MyStamp.Orders.Lifecycle;

internal sealed partial class OrderGrain
{
    /// <summary>
    /// The order's own deadline is its placement plus three years. When it comes, the order asks its
    /// customer: a later order keeps the customer, and with them this order, so the order waits for the
    /// customer's deadline instead of being erased early.
    /// </summary>
    public async Task<RetentionOutcome> CheckRetention(ErasureSource source)
    {
        if (!order.RecordExists || order.State.ErasedAt is not null)
        {
            await FinishErasure(source, erasedNow: false);
            return RetentionOutcome.AlreadyErased;
        }
        var now = clock.GetUtcNow();
        if (now < order.State.RetentionUntil)
        {
            await ScheduleRetention();
            return RetentionOutcome.NotDue;
        }
        var customerDeadline = await GrainFactory.GetGrain<ICustomerGrain>(order.State.CustomerId).AsReference<IRetentionSubject>().GetRetentionDeadline();
        if (customerDeadline is { } later && later > now && later > order.State.RetentionUntil)
        {
            order.State.RetentionUntil = later;
            await order.WriteStateAsync();
            await ScheduleRetention();
            return RetentionOutcome.Postponed;
        }
        await ErasePersonalData(source);
        return RetentionOutcome.Erased;
    }

    public Task<DateTimeOffset?> GetRetentionDeadline() =>
        Task.FromResult<DateTimeOffset?>(Exists ? order.State.RetentionUntil : null);

    public Task EraseNow(ErasureSource source) => ErasePersonalData(source);

    public async Task ErasePersonalData(ErasureSource source)
    {
        if (!order.RecordExists)
        {
            await FinishErasure(source, erasedNow: false);
            return;
        }
        var state = order.State;
        var erasedNow = state.ErasedAt is null;
        if (erasedNow)
        {
            // Kept for the accounts, identifying no one: tariff, sheets, price, history, dates, payment reference.
            state.ShippingAddress = null;
            state.EnterpriseNumber = null;
            state.Attestation = state.Attestation is { } attestation ? attestation with { AttestedBy = Guid.Empty } : null;
            state.CustomerId = Guid.Empty;
            state.DesignId = Guid.Empty;
            state.BulkOrderId = null;
            state.ErasedAt = clock.GetUtcNow();
            await order.WriteStateAsync();
        }
        await FinishErasure(source, erasedNow);
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
        RetentionReminder.Tick(this, reminderName, exception => LogRetentionFailed(exception, OrderId));

    /// <summary>Registers (or moves) the reminder for the deadline and records the deadline in the retention index.</summary>
    private async Task ScheduleRetention()
    {
        var deadline = order.State.RetentionUntil;
        // Two tables, neither depends on the other: written at once.
        await Task.WhenAll(
            RetentionReminder.Register(this, deadline, clock.GetUtcNow()),
            retentionIndex.Schedule(RetentionSubjectKind.Order, OrderId, deadline));
    }

    /// <summary>The steps after the state: each one idempotent, so a retry after a crash simply runs them again.</summary>
    private async Task FinishErasure(ErasureSource source, bool erasedNow)
    {
        // The overview row and the reminder at once; the index row is closed only after both, so that an
        // order erased on its own is still found by the sweep when either fails.
        await Task.WhenAll(overview.Delete(OrderId), RetentionReminder.Unregister(this));
        await retentionIndex.RecordErased(RetentionSubjectKind.Order, OrderId, clock.GetUtcNow(), source, onlyIfTracked: !erasedNow);
        if (erasedNow)
        {
            LogErased(OrderId, source);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: personal data erased ({Source}); the accounting record stays")]
    private partial void LogErased(Guid orderId, ErasureSource source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the retention check failed; the next reminder tick or the sweep retries")]
    private partial void LogRetentionFailed(Exception exception, Guid orderId);
}
