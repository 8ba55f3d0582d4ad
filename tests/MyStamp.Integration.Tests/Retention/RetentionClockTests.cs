using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// The three-year clock (O7), on a fake clock that drives the whole node, the Orleans reminders included:
/// each customer and order erases itself through its own reminder, not a minute early, and each new order
/// moves everything three years from that order.
/// </summary>
public sealed class RetentionClockTests
{
    [Fact]
    public async Task Nothing_is_erased_a_minute_before_the_deadline_and_everything_is_at_the_deadline()
    {
        // O7
        await using var world = await RetentionWorld.Create("clock");
        var (account, client, designId, orderIds) = await world.CustomerWhoOrdered();
        var orderId = orderIds.Single();
        var placedAt = world.Clock.GetUtcNow();
        var deadline = RetentionPeriod.DeadlineAfter(placedAt);
        Assert.Equal(deadline, await world.Customer(account.CustomerId).GetRetentionDeadline());
        Assert.Equal(deadline, (await world.Grains.GetGrain<IOrderGrain>(orderId).Get())!.RetentionUntil);

        // Thirty days ahead the customer is told, through the mail outbox: the notice arrives in smtp4dev, naming the day.
        await world.AdvanceTo(RetentionPeriod.NoticeAt(deadline) + TimeSpan.FromMinutes(1));
        var language = (await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile())!.Language.Code();
        var notice = await MailInbox.WaitFor(account.Email, mail => mail.Subject.Contains(deadline.ToString("d MMMM yyyy", MyStamp.Mail.Contracts.MailLanguages.Culture(language)), StringComparison.Ordinal));
        Assert.Contains("ReturnUrl=%2Fapi%2Fprivacy%2Fexport", notice.Body);

        await world.AdvanceTo(deadline - TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.NotNull(await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile());
        Assert.NotNull(await world.Grains.GetGrain<IOrderGrain>(orderId).Get());
        Assert.NotNull(await world.Grains.GetGrain<IDesignGrain>(designId).GetSummary());

        await world.Advance(TimeSpan.FromMinutes(1));
        await RetentionWorld.Eventually(() => world.IsErased(account.CustomerId), "the customer is erased at the deadline");
        await RetentionWorld.Eventually(async () => await world.ErasedAt("order", orderId) is not null, "the order is erased");

        Assert.Null(await world.Grains.GetGrain<IOrderGrain>(orderId).Get());
        Assert.Null(await world.Grains.GetGrain<IDesignGrain>(designId).GetSummary());
        Assert.Equal(0L, await world.StateRows("customer"));
        Assert.Equal(0L, await world.ReminderRows(account.CustomerId));
        Assert.Equal(0L, await world.ReminderRows(orderId));
        Assert.Empty(await world.Report.PendingNotices(10));
        // The reminders did it: the report counts them by source.
        var report = await world.Report.Read();
        Assert.Contains(report.Erased, e => e.Kind == RetentionSubjectKind.Customer && e.Source == ErasureSource.Reminder && e.Count == 1);
        Assert.Equal(0L, report.DueNow);
        // Signed out everywhere: the old cookie no longer opens the account.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_new_order_at_two_years_eleven_months_moves_everything_three_years_from_that_order()
    {
        // O7: each new order moves the deadline; no order of an active customer is erased early.
        await using var world = await RetentionWorld.Create("moved");
        var (account, client) = await world.SignedInCustomer();
        var designId = await world.ApprovedDesign(client, RetentionWorld.PatternPhoto());
        var firstOrder = await RetentionWorld.PlaceOrder(client, designId);
        var firstDeadline = RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow());

        await world.AdvanceTo(RetentionWorld.Start.AddYears(2).AddMonths(11));
        using var again = await world.Node.Login(account);
        var secondOrder = await RetentionWorld.PlaceOrder(again, designId);
        var newDeadline = RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow());
        Assert.Equal(newDeadline, await world.Customer(account.CustomerId).GetRetentionDeadline());

        // The first order's own reminder fires at its old deadline, asks the customer, and waits.
        await world.AdvanceTo(firstDeadline + TimeSpan.FromMinutes(1));
        await RetentionWorld.Eventually(async () => (await world.Grains.GetGrain<IOrderGrain>(firstOrder).Get())?.RetentionUntil == newDeadline, "the first order postponed itself");
        Assert.NotNull(await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile());
        Assert.NotNull(await world.Grains.GetGrain<IDesignGrain>(designId).GetSummary());

        await world.AdvanceTo(newDeadline - TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.NotNull(await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile());
        Assert.NotNull(await world.Grains.GetGrain<IOrderGrain>(firstOrder).Get());
        Assert.NotNull(await world.Grains.GetGrain<IOrderGrain>(secondOrder).Get());

        await world.Advance(TimeSpan.FromMinutes(1));
        await RetentionWorld.Eventually(() => world.IsErased(account.CustomerId), "the customer is erased three years after the second order");
        Assert.Null(await world.Grains.GetGrain<IOrderGrain>(firstOrder).Get());
        Assert.Null(await world.Grains.GetGrain<IOrderGrain>(secondOrder).Get());
        Assert.Null(await world.Grains.GetGrain<IDesignGrain>(designId).GetSummary());
    }

    [Fact]
    public async Task A_customer_who_never_ordered_is_erased_three_years_after_registering()
    {
        // O7, the documented rule for customers without orders.
        await using var world = await RetentionWorld.Create("noorder");
        var (account, _) = await world.SignedInCustomer();
        var deadline = RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow());

        await world.AdvanceTo(deadline - TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.NotNull(await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile());

        await world.Advance(TimeSpan.FromMinutes(2));
        await RetentionWorld.Eventually(() => world.IsErased(account.CustomerId), "the customer is erased");
    }
}
