using Microsoft.Extensions.DependencyInjection;
using MyStamp.Retention.Contracts;
using MyStamp.Orders.Contracts;
using MyStamp.Studio.Contracts;
using Npgsql;

namespace MyStamp.Integration.Tests.Retention;

/// <summary>
/// The nightly sweep erases customers past their deadline in batches (README "Retention and erasure"): keys of the
/// whole batch first, then every module's rows with one statement per table, no grain activated to erase it. What a
/// customer left is gone as completely as through their grain, the customer not yet due is untouched, and a batch
/// cut off once the keys are gone is finished by the next sweep.
/// </summary>
public sealed class BatchErasureTests
{
    [Fact]
    public async Task The_sweep_erases_a_due_customer_with_their_order_and_design_and_leaves_the_others()
    {
        // O7
        await using var world = await RetentionWorld.Create("batch", settings: OnlyTheTestSweeps);
        var due = await CustomerWithOrder(world);
        await world.Advance(TimeSpan.FromDays(400));
        var kept = await CustomerWithOrder(world);
        await LoseTheReminders(world);

        await world.AdvanceTo(RetentionPeriod.DeadlineAfter(RetentionWorld.Start) + TimeSpan.FromDays(1));
        var sweep = await world.Report.SweepNow();

        Assert.Equal(1, sweep.CustomersErased);
        Assert.Equal(0, sweep.Failures);
        await AssertGone(world, due);
        Assert.False(await world.IsErased(kept.CustomerId));
        Assert.NotNull(await world.Grains.GetGrain<IOrderGrain>(kept.OrderId).Get());
        Assert.NotNull(await world.Grains.GetGrain<IDesignGrain>(kept.DesignId).GetSummary());
        Assert.Equal(1L, await world.StateRows("customer"));
    }

    [Fact]
    public async Task A_batch_cut_off_once_the_keys_are_destroyed_is_finished_by_the_next_sweep()
    {
        // O7: the customers' states no longer open, so the ids come from the batch's own record.
        var crash = new CrashingBatchEraser();
        await using var world = await RetentionWorld.Create("batch-crash", services => services.AddSingleton<IPersonalDataEraser>(crash), OnlyTheTestSweeps);
        var due = await CustomerWithOrder(world);
        await LoseTheReminders(world, services => services.AddSingleton<IPersonalDataEraser>(crash));
        await world.AdvanceTo(RetentionPeriod.DeadlineAfter(RetentionWorld.Start) + TimeSpan.FromDays(1));

        await world.Report.SweepNow();
        Assert.True(crash.Reached.Task.IsCompleted);
        Assert.Equal(0L, await DataKeys(world, due.CustomerId));
        Assert.Equal(1L, await world.Scalar<long>("SELECT count(*) FROM retention_batch_erasures"));
        await world.Restart(services => services.AddSingleton<IPersonalDataEraser>(crash));

        await world.Report.SweepNow();

        await AssertGone(world, due);
    }

    [Fact]
    public async Task The_sweep_reads_the_orders_only_once_their_customers_batches_have_erased_them()
    {
        // O7: batches of one customer, two at once, so that the first batch of orders would be read while the last
        // customer's batch is still erasing: each order would then be checked through its grain while the batch deletes it.
        var settings = new Dictionary<string, string?>(OnlyTheTestSweeps) { ["Retention:SweepBatchSize"] = "1", ["Retention:SweepBatchesAtOnce"] = "2" };
        await using var world = await RetentionWorld.Create("batch-orders-after", settings: settings);
        var customers = new[] { await CustomerWithOrder(world), await CustomerWithOrder(world), await CustomerWithOrder(world) };
        await LoseTheReminders(world);
        await world.AdvanceTo(RetentionPeriod.DeadlineAfter(RetentionWorld.Start) + TimeSpan.FromDays(1));

        var sweep = await world.Report.SweepNow();

        Assert.Equal(customers.Length, sweep.CustomersErased);
        Assert.Equal(customers.Length, sweep.OrdersErased);
        // Only the customers were checked: no order was left for its grain.
        Assert.Equal(customers.Length, sweep.Checked);
        Assert.Equal(0, sweep.Failures);
        foreach (var customer in customers)
        {
            await AssertGone(world, customer);
        }
    }

    /// <summary>The nightly job would fire when the clock jumps three years: here only the test sweeps.</summary>
    private static readonly Dictionary<string, string?> OnlyTheTestSweeps = new() { ["Retention:SweepSchedule"] = "0 15 3 1 1 ? 2099" };

    private sealed record Customer(Guid CustomerId, Guid OrderId, Guid DesignId);

    private static async Task<Customer> CustomerWithOrder(RetentionWorld world)
    {
        var (account, client) = await world.SignedInCustomer();
        var designId = await world.ApprovedDesign(client, RetentionWorld.PatternPhoto());
        var orderId = await RetentionWorld.PlaceOrder(client, designId);
        return new Customer(account.CustomerId, orderId, designId);
    }

    /// <summary>The reminders are lost (their rows deleted, the node restarted): only the sweep can erase now.</summary>
    private static async Task LoseTheReminders(RetentionWorld world, Action<IServiceCollection>? configureServices = null)
    {
        await world.Scalar<int>("DELETE FROM orleansreminderstable; SELECT 1");
        await world.Restart(configureServices);
    }

    private static async Task AssertGone(RetentionWorld world, Customer customer)
    {
        Assert.True(await world.IsErased(customer.CustomerId));
        Assert.Null(await world.Grains.GetGrain<IOrderGrain>(customer.OrderId).Get());
        Assert.Null(await world.Grains.GetGrain<IDesignGrain>(customer.DesignId).GetSummary());
        Assert.NotNull(await world.ErasedAt("order", customer.OrderId));
        Assert.Equal(0L, await DataKeys(world, customer.CustomerId));
        Assert.Equal(0L, await world.ReminderRows(customer.CustomerId));
        Assert.Equal(0L, await world.ReminderRows(customer.OrderId));
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM studio_design_blobs WHERE design_id = @id", ("id", customer.DesignId)));
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM orders_overview WHERE customer_id = @id", ("id", customer.CustomerId)));
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM retention_batch_erasures"));
        Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM privacy_audience WHERE customer_id = @id", ("id", customer.CustomerId)));
        // No row of theirs is left: not the customer's, the order's or the design's state.
        foreach (var id in new[] { customer.CustomerId, customer.OrderId, customer.DesignId })
        {
            var bytes = id.ToByteArray();
            Assert.Equal(0L, await world.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE grainidn0 = @n0 AND grainidn1 = @n1",
                ("n0", BitConverter.ToInt64(bytes, 0)), ("n1", BitConverter.ToInt64(bytes, 8))));
        }
    }

    private static async Task<long> DataKeys(RetentionWorld world, Guid subject)
    {
        await using var dataSource = NpgsqlDataSource.Create(Infrastructure.TestDatabase.KeysConnectionStringFor(world.Database));
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM data_keys WHERE subject_id = @subject");
        command.Parameters.AddWithValue("subject", subject);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A module's batch eraser that crashes the first time it runs, as a dying node would cut the batch off there.</summary>
    private sealed class CrashingBatchEraser : IPersonalDataEraser
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "crashing-batch";

        public Task EraseCustomer(ErasedCustomer customer, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task EraseCustomers(IReadOnlyList<ErasedCustomer> customers, CancellationToken cancellationToken = default) =>
            Reached.TrySetResult() ? throw new InvalidOperationException("The node went down here.") : Task.CompletedTask;
    }
}
