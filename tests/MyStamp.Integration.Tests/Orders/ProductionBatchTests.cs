using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using Quartz;

namespace MyStamp.Integration.Tests.Orders;

public class ProductionBatchTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly JobKey ProductionBatch = new("production-batch", "orders");

    [Fact]
    public async Task The_production_batch_is_a_clustered_job_in_the_shared_job_store()
    {
        var stored = await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM qrtz_job_details WHERE job_name = @name AND job_group = @group",
            ("name", ProductionBatch.Name), ("group", ProductionBatch.Group));
        var triggers = await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM qrtz_cron_triggers c JOIN qrtz_triggers t USING (sched_name, trigger_name, trigger_group) WHERE t.job_name = @name",
            ("name", ProductionBatch.Name));

        Assert.Equal(1, stored);
        Assert.Equal(1, triggers);
    }

    [Fact]
    public async Task Paid_orders_go_into_production_when_the_batch_runs_and_the_others_stay_where_they_are()
    {
        using var customer = await fixture.Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        var paid = await OrdersWorld.PlaceOrder(customer, designId);
        await OrdersWorld.Advance(customer, fixture.Admin, paid, "Paid");
        var unpaid = await OrdersWorld.PlaceOrder(customer, designId);
        var cancelled = await OrdersWorld.PlaceOrder(customer, designId);
        await OrdersWorld.Advance(customer, fixture.Admin, cancelled, "Paid");
        await customer.PostAsync($"/api/orders/{cancelled}/cancel", null);

        var scheduler = await fixture.Node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(ProductionBatch);

        for (var attempt = 0; attempt < 60 && await Status(customer, paid) != "InProduction"; attempt++)
        {
            await Task.Delay(500);
        }
        Assert.Equal("InProduction", await Status(customer, paid));
        Assert.Equal("Production", (await OrdersWorld.GetOrder(customer, paid))["history"]!.AsArray()[^1]!["source"]!.GetValue<string>());
        Assert.Equal("Submitted", await Status(customer, unpaid));
        Assert.Equal("Cancelled", await Status(customer, cancelled));
    }

    private static async Task<string> Status(TestClient customer, Guid orderId) =>
        (await OrdersWorld.GetOrder(customer, orderId))["status"]!.GetValue<string>();
}
