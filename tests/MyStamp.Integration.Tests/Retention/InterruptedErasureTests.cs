using Microsoft.Extensions.DependencyInjection;
using MyStamp.Retention.Contracts;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// Erasure survives crashes and repeats (O7): a silo that goes down halfway leaves a closed account whose
/// erasure the next node finishes, and erasing again finds nothing left and fails on nothing.
/// </summary>
public sealed class InterruptedErasureTests
{
    [Fact]
    public async Task An_erasure_cut_off_halfway_by_a_stopped_silo_is_finished_by_the_restarted_one()
    {
        // O7
        var crash = new CrashingEraser();
        await using var world = await RetentionWorld.Create("crash", services => services.AddSingleton<IPersonalDataEraser>(crash));
        var (account, _, designId, orders) = await world.CustomerWhoOrdered(orders: 2);

        // The deadline passes; the reminder starts erasing and the node "dies" in the middle of it.
        await world.AdvanceTo(RetentionPeriod.DeadlineAfter(world.Clock.GetUtcNow()) + TimeSpan.FromMinutes(1));
        await crash.Reached.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await world.Restart();

        // Half done: the orders and the design are erased, the account is closed, its row still there.
        Assert.Null(await world.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile());
        Assert.Null(await world.Grains.GetGrain<IDesignGrain>(designId).GetSummary());
        foreach (var orderId in orders)
        {
            Assert.Null(await world.Grains.GetGrain<IOrderGrain>(orderId).Get());
        }
        await AssertClosedButNotErased(world, account.CustomerId);

        // The restarted node finishes: here the nightly sweep (the reminder's next tick would do the same).
        await AssertTheSweepFinishesTheErasure(world, account.CustomerId);
    }

    [Fact]
    public async Task An_erasure_on_request_cut_off_once_the_key_is_destroyed_is_finished_by_the_nightly_sweep()
    {
        // O7, O8: years before the deadline the sweep looks at; the mark set before the key went is what it finds.
        var crash = new CrashingEraser();
        await using var world = await RetentionWorld.Create("crash-request", services => services.AddSingleton<IPersonalDataEraser>(crash));
        var (account, _, designId, orderIds) = await world.CustomerWhoOrdered();
        var orderId = orderIds.Single();

        // The key is destroyed, then the node "dies" before any module deleted a row.
        await Assert.ThrowsAnyAsync<Exception>(() => world.Customer(account.CustomerId).EraseNow(ErasureSource.Request));
        await world.Restart();
        await AssertClosedButNotErased(world, account.CustomerId);

        await AssertTheSweepFinishesTheErasure(world, account.CustomerId);
        Assert.Null(await world.Grains.GetGrain<IOrderGrain>(orderId).Get());
        Assert.Null(await world.Grains.GetGrain<IDesignGrain>(designId).GetSummary());
    }

    [Fact]
    public async Task Erasing_twice_changes_nothing_the_second_time_and_counts_once()
    {
        // O7: a retry never fails because something is already gone.
        await using var world = await RetentionWorld.Create("twice");
        var (account, _, designId, orderIds) = await world.CustomerWhoOrdered();
        var orderId = orderIds.Single();
        var customer = world.Customer(account.CustomerId);

        await customer.EraseNow(ErasureSource.Request);
        await customer.EraseNow(ErasureSource.Request);
        await world.Grains.GetGrain<IOrderGrain>(orderId).ErasePersonalData(ErasureSource.Request);
        await world.Grains.GetGrain<IDesignGrain>(designId).Erase();

        Assert.Equal(RetentionOutcome.AlreadyErased, await customer.CheckRetention(ErasureSource.Sweep));
        Assert.Equal(RetentionOutcome.AlreadyErased, await world.Order(orderId).CheckRetention(ErasureSource.Sweep));
        Assert.True(await world.IsErased(account.CustomerId));
        Assert.Null(await world.Grains.GetGrain<IOrderGrain>(orderId).Get());
        // The order stays for the accounts only, under its random id; the customer's row is gone.
        Assert.Equal(1L, await world.StateRows("order"));
        Assert.Equal(0L, await world.StateRows("customer"));
        var report = await world.Report.Read();
        Assert.Equal(1L, report.Erased.Where(e => e.Kind == RetentionSubjectKind.Customer).Sum(e => e.Count));
        Assert.Equal(1L, report.Erased.Where(e => e.Kind == RetentionSubjectKind.Order).Sum(e => e.Count));
        Assert.All(report.Erased, e => Assert.Equal(ErasureSource.Request, e.Source));
    }

    /// <summary>The customer's state row is still there and no erasure was recorded: the work is left half done.</summary>
    private static async Task AssertClosedButNotErased(RetentionWorld world, Guid customerId)
    {
        Assert.Equal(1L, await world.StateRows("customer"));
        Assert.Null(await world.ErasedAt("customer", customerId));
    }

    /// <summary>The nightly sweep erases the customer, without a failure, down to their state row and reminders.</summary>
    private static async Task AssertTheSweepFinishesTheErasure(RetentionWorld world, Guid customerId)
    {
        var sweep = await world.Report.SweepNow();

        Assert.Equal(1, sweep.CustomersErased);
        Assert.Equal(0, sweep.Failures);
        Assert.True(await world.IsErased(customerId));
        Assert.Equal(0L, await world.StateRows("customer"));
        Assert.Equal(0L, await world.ReminderRows(customerId));
    }

    /// <summary>A module's eraser that crashes the first time it runs, as a dying silo would cut the erasure off there.</summary>
    private sealed class CrashingEraser : IPersonalDataEraser
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "crashing";

        public Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default)
        {
            if (Reached.TrySetResult())
            {
                throw new InvalidOperationException("The silo went down here.");
            }
            return Task.CompletedTask;
        }
    }
}
