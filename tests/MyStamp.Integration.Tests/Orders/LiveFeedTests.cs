using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Orders.Contracts;

namespace MyStamp.Integration.Tests.Orders;

/// <summary>The live feed itself, below the order grain: a publish on any node reaches the customer's connections on every node, and only theirs.</summary>
public class LiveFeedTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    [Fact]
    public async Task A_change_published_through_node_B_reaches_the_owners_connection_on_node_A_and_nobody_elses()
    {
        using var owner = await nodes.NodeA.NewCustomer();
        using var other = await nodes.NodeA.NewCustomer();
        await using var ownerOnA = await owner.ConnectToOrdersHub(nodes.NodeA);
        await using var otherOnA = await other.ConnectToOrdersHub(nodes.NodeA);
        await using var otherOnB = await other.On(nodes.NodeB).ConnectToOrdersHub(nodes.NodeB);
        var received = new TaskCompletionSource<ReceivedStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var strays = new ConcurrentQueue<ReceivedStatus>();
        ownerOnA.On<ReceivedStatus>("OrderStatusChanged", change => received.TrySetResult(change));
        otherOnA.On<ReceivedStatus>("OrderStatusChanged", strays.Enqueue);
        otherOnB.On<ReceivedStatus>("OrderStatusChanged", strays.Enqueue);
        var change = new OrderStatusChanged(Guid.CreateVersion7(), OrderStatus.Shipped, DateTimeOffset.UtcNow);

        await nodes.NodeB.Grains.GetGrain<IOrderFeedGrain>(owner.AccountId).PublishStatusChanged(change);

        var seen = await received.Task.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(change.OrderId, seen.OrderId);
        Assert.Equal("Shipped", seen.Status);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(strays);
    }

    [Fact]
    public async Task After_the_last_connection_closes_the_node_no_longer_listens_for_that_customer()
    {
        using var customer = await nodes.NodeA.NewCustomer();
        var node = nodes.NodeA.Services.GetRequiredService<MyStamp.Web.Orders.Live.OrderFeedNode>();
        var before = node.ConnectedCustomers;

        var first = await customer.ConnectToOrdersHub(nodes.NodeA);
        var second = await customer.ConnectToOrdersHub(nodes.NodeA);
        Assert.Equal(before + 1, node.ConnectedCustomers);
        await first.DisposeAsync();
        Assert.Equal(before + 1, node.ConnectedCustomers);
        await second.DisposeAsync();

        await WaitFor(() => node.ConnectedCustomers == before);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 50 && !condition(); attempt++)
        {
            await Task.Delay(100);
        }
        Assert.True(condition());
    }
}
