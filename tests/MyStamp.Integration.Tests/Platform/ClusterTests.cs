using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Orders;
using MyStamp.Orders.Contracts;

namespace MyStamp.Integration.Tests.Platform;

/// <summary>The cluster runs on PostgreSQL: nodes find each other there and grain state lives there.</summary>
public class ClusterTests
{
    [Fact]
    public async Task State_written_through_one_node_is_read_through_another_and_survives_a_full_restart()
    {
        var clusterId = MyStampNode.NewClusterId();
        Guid orderId, customerId, designId;

        await using (var nodeA = new MyStampNode(clusterId).Start())
        await using (var nodeB = new MyStampNode(clusterId).Start())
        {
            await WaitForActiveSilos(clusterId, expected: 2);
            using var admin = await nodeA.LoginAsAdmin();
            using var customer = await nodeA.NewCustomer();
            customerId = customer.AccountId;
            designId = await Designs.Approved(customer, admin);
            orderId = await OrdersWorld.PlaceOrder(customer, designId, sheets: 3);

            // Read through B: the call may land on either silo; the state is the one A wrote.
            var seenFromB = await nodeB.Grains.GetGrain<IOrderGrain>(orderId).Get();
            Assert.NotNull(seenFromB);
            Assert.Equal(3, seenFromB.Sheets);
            Assert.Equal(customerId, seenFromB.CustomerId);
        }

        // Every node has stopped: only PostgreSQL still knows the order.
        await using var restarted = new MyStampNode(clusterId).Start();
        var afterRestart = await restarted.Grains.GetGrain<IOrderGrain>(orderId).Get();
        Assert.NotNull(afterRestart);
        Assert.Equal(designId, afterRestart.DesignId);
        Assert.Equal(3, afterRestart.Sheets);
    }

    [Fact]
    public async Task Two_nodes_join_one_cluster_through_the_membership_table()
    {
        var clusterId = MyStampNode.NewClusterId();
        await using var nodeA = new MyStampNode(clusterId).Start();
        await using var nodeB = new MyStampNode(clusterId).Start();

        var active = await WaitForActiveSilos(clusterId, expected: 2);

        Assert.Equal(2, active);
    }

    /// <summary>Counts the silos PostgreSQL lists as active (status 3) for the cluster, waiting up to 30 s for the expected number.</summary>
    private static async Task<long> WaitForActiveSilos(string clusterId, int expected)
    {
        long active = 0;
        for (var attempt = 0; attempt < 60 && active < expected; attempt++)
        {
            active = await TestDatabase.Scalar<long>("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @id AND status = 3", ("id", clusterId));
            if (active < expected)
            {
                await Task.Delay(500);
            }
        }
        return active;
    }
}
