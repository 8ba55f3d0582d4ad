using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using MyStamp.Orders.Contracts;
using MyStamp.Web.Security;

namespace MyStamp.Web.Orders.Live;

/// <summary>
/// Live order status at /hubs/orders. A signed-in customer receives <c>OrderStatusChanged</c> and
/// <c>BulkOrderProgress</c> for their own orders only: messages are addressed by the customer id of the
/// sign-in cookie, and the hub offers nothing to join, subscribe to or ask about by someone else's id.
/// Each connection is put in its customer's group (<see cref="CustomerGroup"/>) when it opens: a message to a group
/// finds its connections by a lookup, where a message to a user is checked against every connection on the node.
/// </summary>
[Authorize]
public sealed class OrdersHub(OrderFeedNode node, IGrainFactory grains) : Hub
{
    public const string OrderStatusChangedMessage = "OrderStatusChanged";
    public const string BulkOrderProgressMessage = "BulkOrderProgress";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.CallerIdOrNull() is not { } customerId)
        {
            Context.Abort();
            return;
        }
        // In the group before the node subscribes, so that nothing the feed forwards misses this connection;
        // SignalR takes it out of its groups itself when it closes.
        await Groups.AddToGroupAsync(Context.ConnectionId, CustomerGroup(customerId));
        await node.Connected(customerId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.CallerIdOrNull() is { } customerId)
        {
            await node.Disconnected(customerId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The current status of the caller's orders, newest first: what a reconnecting client calls to catch up.</summary>
    public async Task<IReadOnlyList<OrderStatusChanged>> GetMyOrders()
    {
        var orders = await grains.GetGrain<IOrdersOverviewGrain>(0).ListForCustomer(CallerId(), 500);
        return orders.Select(order => new OrderStatusChanged(order.OrderId, order.Status, order.StatusAt)).ToList();
    }

    /// <summary>The current status of one of the caller's orders; null for an order that is not theirs.</summary>
    public async Task<OrderStatusChanged?> GetOrderStatus(Guid orderId)
    {
        var order = await grains.GetGrain<IOrderGrain>(orderId).GetFor(CallerId());
        return order is null ? null : new OrderStatusChanged(order.OrderId, order.Status, order.History[^1].At);
    }

    /// <summary>The group of one customer's connections on a node; only the hub puts a connection in it, by its cookie.</summary>
    public static string CustomerGroup(Guid customerId) => $"customer:{customerId:N}";

    private Guid CallerId() => Context.User?.CallerIdOrNull() ?? throw new HubException("Sign in first.");
}
