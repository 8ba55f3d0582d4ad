using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Orders;

/// <summary>Two nodes on one PostgreSQL, sharing a cluster id: live status crosses nodes, and reaches nobody else.</summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    public MyStampNode NodeA { get; private set; } = null!;
    public MyStampNode NodeB { get; private set; } = null!;
    private TestClient? _admin;

    /// <summary>An admin signed in on node B (the same sign-in works on node A through <see cref="TestClient.On"/>).</summary>
    public async Task<TestClient> AdminOnB() => _admin ??= await NodeB.LoginAsAdmin();

    public Task InitializeAsync()
    {
        var clusterId = MyStampNode.NewClusterId();
        NodeA = new MyStampNode(clusterId).Start();
        NodeB = new MyStampNode(clusterId).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
    }
}

/// <summary>What a hub client received.</summary>
public sealed record ReceivedStatus(Guid OrderId, string Status, DateTimeOffset At);

public class LiveStatusTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    [Fact]
    public async Task A_customer_on_node_A_sees_a_change_made_through_node_B_within_a_second_and_nobody_else_sees_it()
    {
        using var owner = await nodes.NodeA.NewCustomer();
        using var other = await nodes.NodeA.NewCustomer();
        using var otherOnB = other.On(nodes.NodeB);
        var orderId = await OrdersWorld.PlaceOrder(owner, await Designs.Approved(owner, (await nodes.AdminOnB()).On(nodes.NodeA)));
        await OrdersWorld.Advance(owner, (await nodes.AdminOnB()).On(nodes.NodeA), orderId, "Paid");

        var ownerSees = new ConcurrentQueue<ReceivedStatus>();
        var otherSees = new ConcurrentQueue<ReceivedStatus>();
        await using var ownerOnA = await owner.ConnectToOrdersHub(nodes.NodeA);
        await using var otherConnectedToA = await other.ConnectToOrdersHub(nodes.NodeA);
        await using var otherConnectedToB = await other.ConnectToOrdersHub(nodes.NodeB);
        var moved = new TaskCompletionSource<ReceivedStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        ownerOnA.On<ReceivedStatus>("OrderStatusChanged", change =>
        {
            ownerSees.Enqueue(change);
            if (change.Status == "InProduction")
            {
                moved.TrySetResult(change);
            }
        });
        otherConnectedToA.On<ReceivedStatus>("OrderStatusChanged", otherSees.Enqueue);
        otherConnectedToB.On<ReceivedStatus>("OrderStatusChanged", otherSees.Enqueue);

        var changedAt = DateTimeOffset.UtcNow;
        var response = await OrdersWorld.MoveAsAdmin(await nodes.AdminOnB(), orderId, "InProduction");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await moved.Task.WaitAsync(TimeSpan.FromSeconds(1) - (DateTimeOffset.UtcNow - changedAt));
        Assert.Equal(orderId, seen.OrderId);
        Assert.Equal("InProduction", seen.Status);
        // Give a stray message every chance to arrive before concluding that none does.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(otherSees);
        Assert.Single(ownerSees);
    }

    [Fact]
    public async Task A_customer_connected_to_both_nodes_gets_the_change_on_both()
    {
        using var owner = await nodes.NodeA.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(owner, await Designs.Approved(owner, (await nodes.AdminOnB()).On(nodes.NodeA)));
        await using var onA = await owner.ConnectToOrdersHub(nodes.NodeA);
        await using var onB = await owner.ConnectToOrdersHub(nodes.NodeB);
        var seenOnA = Waiter(onA, orderId, "Paid");
        var seenOnB = Waiter(onB, orderId, "Paid");

        await owner.On(nodes.NodeB).PostAsync($"/api/orders/{orderId}/pay", null);

        await Task.WhenAll(seenOnA.WaitAsync(TimeSpan.FromSeconds(5)), seenOnB.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_client_that_reconnects_gets_the_current_status()
    {
        using var owner = await nodes.NodeA.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(owner, await Designs.Approved(owner, (await nodes.AdminOnB()).On(nodes.NodeA)));
        var first = await owner.ConnectToOrdersHub(nodes.NodeA);
        await first.DisposeAsync();

        // Changes while the client is away.
        await OrdersWorld.Advance(owner, (await nodes.AdminOnB()).On(nodes.NodeA), orderId, "Printed");
        await using var again = await owner.ConnectToOrdersHub(nodes.NodeB);

        var current = await again.InvokeAsync<ReceivedStatus?>("GetOrderStatus", orderId);
        var all = await again.InvokeAsync<List<ReceivedStatus>>("GetMyOrders");
        Assert.Equal("Printed", current?.Status);
        Assert.Equal("Printed", Assert.Single(all, order => order.OrderId == orderId).Status);
    }

    [Fact]
    public async Task Guessing_an_order_id_on_the_hub_reveals_nothing()
    {
        using var owner = await nodes.NodeA.NewCustomer();
        using var stranger = await nodes.NodeA.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(owner, await Designs.Approved(owner, (await nodes.AdminOnB()).On(nodes.NodeA)));
        await using var strangerHub = await stranger.ConnectToOrdersHub(nodes.NodeA);

        Assert.Null(await strangerHub.InvokeAsync<ReceivedStatus?>("GetOrderStatus", orderId));
        Assert.Empty(await strangerHub.InvokeAsync<List<ReceivedStatus>>("GetMyOrders"));
        // The hub offers nothing to join or subscribe to.
        await Assert.ThrowsAsync<HubException>(() => strangerHub.InvokeAsync<JsonElement>("JoinGroup", orderId.ToString()));
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(nodes.NodeA.Server.BaseAddress, "/hubs/orders"), options =>
            {
                options.HttpMessageHandlerFactory = _ => nodes.NodeA.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static Task<ReceivedStatus> Waiter(HubConnection connection, Guid orderId, string status)
    {
        var seen = new TaskCompletionSource<ReceivedStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<ReceivedStatus>("OrderStatusChanged", change =>
        {
            if (change.OrderId == orderId && change.Status == status)
            {
                seen.TrySetResult(change);
            }
        });
        return seen.Task;
    }
}
