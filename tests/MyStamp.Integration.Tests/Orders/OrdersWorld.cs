using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using MyStamp.Orders.Contracts;

namespace MyStamp.Integration.Tests.Orders;

/// <summary>
/// The steps of the order stories, through the public API. Customers, Pro accounts and the admin sign in with
/// the shared <see cref="Accounts"/> helpers; approved designs come from <see cref="Designs"/>.
/// </summary>
public static class OrdersWorld
{
    /// <summary>Places an order of <paramref name="sheets"/> sheets and returns its id.</summary>
    public static async Task<Guid> PlaceOrder(HttpClient customer, Guid designId, string tariff = "BelgiumNonPrior", int sheets = 2)
    {
        var response = await customer.PostAsJsonAsync("/api/orders", new { designId, tariff, sheets, controllerAttestation = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<OrderView>()).OrderId;
    }

    public static async Task<OrderView> GetOrder(HttpClient customer, Guid orderId)
    {
        var response = await customer.GetAsync($"/api/orders/{orderId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Read<OrderView>();
    }

    /// <summary>The caller's orders from <c>GET /api/orders</c>, newest first.</summary>
    public static Task<OrderSummary[]> MyOrders(HttpClient customer) => customer.GetJson<OrderSummary[]>("/api/orders");

    public static Task<HttpResponseMessage> MoveAsAdmin(HttpClient admin, Guid orderId, string status) =>
        admin.PostAsJsonAsync($"/api/admin/orders/{orderId}/status", new { status });

    /// <summary>Moves an order, through the lifecycle, up to <paramref name="target"/> (paying as its owner first).</summary>
    public static async Task Advance(HttpClient owner, HttpClient admin, Guid orderId, string target)
    {
        string[] path = ["Paid", "InProduction", "Printed", "Shipped", "Delivered"];
        foreach (var status in path[..(Array.IndexOf(path, target) + 1)])
        {
            var response = status == "Paid"
                ? await owner.PostAsync($"/api/orders/{orderId}/pay", null)
                : await MoveAsAdmin(admin, orderId, status);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>
    /// A SignalR connection to /hubs/orders of <paramref name="target"/> (long polling over the test server), signed
    /// in with the client's cookie.
    /// </summary>
    public static async Task<HubConnection> ConnectToOrdersHub(this TestClient user, MyStampNode target)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(target.Server.BaseAddress, "/hubs/orders"), options =>
            {
                options.HttpMessageHandlerFactory = _ => target.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = user.CookieHeader;
            })
            .Build();
        await connection.StartAsync();
        // A hub call is answered only after OnConnectedAsync, which subscribes the node to this customer's feed.
        await connection.InvokeAsync<JsonElement>("GetMyOrders");
        return connection;
    }
}
