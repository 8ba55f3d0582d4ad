using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Orders.Contracts;
using Npgsql;
using Quartz;

namespace MyStamp.Integration.Tests.Orders;

/// <summary>
/// The production batch, alone in a database: it takes every paid order it finds, and on the shared database it
/// would take other tests' orders too.
/// </summary>
public sealed class ProductionBatchTests : IAsyncLifetime
{
    private static readonly JobKey ProductionBatch = new("production-batch", "orders");
    private MyStampNode _node = null!;

    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("production");

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task The_production_batch_is_a_clustered_job_in_the_shared_job_store()
    {
        await using var database = NpgsqlDataSource.Create(_node.ConnectionString);
        await using var stored = database.CreateCommand("SELECT count(*) FROM qrtz_job_details WHERE job_name = $1 AND job_group = $2");
        stored.Parameters.Add(new NpgsqlParameter { Value = ProductionBatch.Name });
        stored.Parameters.Add(new NpgsqlParameter { Value = ProductionBatch.Group });
        await using var triggers = database.CreateCommand(
            "SELECT count(*) FROM qrtz_cron_triggers c JOIN qrtz_triggers t USING (sched_name, trigger_name, trigger_group) WHERE t.job_name = $1");
        triggers.Parameters.Add(new NpgsqlParameter { Value = ProductionBatch.Name });

        Assert.Equal(1L, await stored.ExecuteScalarAsync());
        Assert.Equal(1L, await triggers.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Paid_orders_go_into_production_when_the_batch_runs_and_the_others_stay_where_they_are()
    {
        using var admin = await _node.LoginAsAdmin();
        using var customer = await _node.NewCustomer();
        var designId = await Designs.Approved(customer, admin);
        var paid = await OrdersWorld.PlaceOrder(customer, designId);
        await OrdersWorld.Advance(customer, admin, paid, "Paid");
        var unpaid = await OrdersWorld.PlaceOrder(customer, designId);
        var cancelled = await OrdersWorld.PlaceOrder(customer, designId);
        await OrdersWorld.Advance(customer, admin, cancelled, "Paid");
        await customer.PostAsync($"/api/orders/{cancelled}/cancel", null);

        var scheduler = await _node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(ProductionBatch);

        for (var attempt = 0; attempt < 60 && await Status(customer, paid) != OrderStatus.InProduction; attempt++)
        {
            await Task.Delay(500);
        }
        Assert.Equal(OrderStatus.InProduction, await Status(customer, paid));
        Assert.Equal(TransitionSource.Production, (await OrdersWorld.GetOrder(customer, paid)).History[^1].Source);
        Assert.Equal(OrderStatus.Submitted, await Status(customer, unpaid));
        Assert.Equal(OrderStatus.Cancelled, await Status(customer, cancelled));
    }

    private static async Task<OrderStatus> Status(TestClient customer, Guid orderId) =>
        (await OrdersWorld.GetOrder(customer, orderId)).Status;
}
