using System.Net;
using System.Net.Http.Json;
using MyStamp.Orders.Contracts;

namespace MyStamp.Integration.Tests.Orders;

public class LifecycleTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task An_order_moves_from_submitted_to_delivered_and_every_step_is_timestamped()
    {
        using var customer = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin));

        await OrdersWorld.Advance(customer, fixture.Admin, orderId, "Delivered");

        var order = await OrdersWorld.GetOrder(customer, orderId);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(
            [OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.InProduction, OrderStatus.Printed, OrderStatus.Shipped, OrderStatus.Delivered],
            order.History.Select(step => step.Status));
        var times = order.History.Select(step => step.At).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Theory]
    [InlineData("Submitted", "Shipped")]       // ship before paying
    [InlineData("Submitted", "InProduction")]  // produce before paying
    [InlineData("Paid", "Delivered")]
    [InlineData("Printed", "Cancelled")]       // cancel after printing
    [InlineData("Printed", "Rejected")]
    [InlineData("Delivered", "Shipped")]       // anything after delivered
    [InlineData("Delivered", "Cancelled")]
    [InlineData("Delivered", "Paid")]
    public async Task A_forbidden_transition_answers_409_and_the_order_is_unchanged(string from, string to)
    {
        using var customer = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin));
        if (from != "Submitted")
        {
            await OrdersWorld.Advance(customer, fixture.Admin, orderId, from);
        }
        var before = await OrdersWorld.GetOrder(customer, orderId);

        var response = await OrdersWorld.MoveAsAdmin(fixture.Admin, orderId, to);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await OrdersWorld.GetOrder(customer, orderId);
        Assert.Equal(Enum.Parse<OrderStatus>(from), after.Status);
        Assert.Equivalent(before, after, strict: true);
    }

    [Fact]
    public async Task Paying_twice_is_a_conflict()
    {
        using var customer = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin));

        Assert.Equal(HttpStatusCode.OK, (await customer.PostAsync($"/api/orders/{orderId}/pay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await customer.PostAsync($"/api/orders/{orderId}/pay", null)).StatusCode);

        Assert.Equal(2, (await OrdersWorld.GetOrder(customer, orderId)).History.Count);
    }

    [Theory]
    [InlineData("Submitted")]
    [InlineData("Paid")]
    public async Task An_order_can_be_cancelled_before_production(string status)
    {
        using var customer = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin));
        if (status == "Paid")
        {
            await OrdersWorld.Advance(customer, fixture.Admin, orderId, "Paid");
        }

        var response = await customer.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await OrdersWorld.GetOrder(customer, orderId);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(OrderStatus.Cancelled, order.History[^1].Status);
    }

    [Theory]
    [InlineData("InProduction")]
    [InlineData("Printed")]
    [InlineData("Shipped")]
    [InlineData("Delivered")]
    public async Task Order_cannot_be_cancelled_once_in_production(string status)
    {
        using var customer = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin));
        await OrdersWorld.Advance(customer, fixture.Admin, orderId, status);

        var response = await customer.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(Enum.Parse<OrderStatus>(status), (await OrdersWorld.GetOrder(customer, orderId)).Status);
    }

    [Fact]
    public async Task A_cancelled_order_cannot_be_paid_or_produced()
    {
        using var customer = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin));
        await customer.PostAsync($"/api/orders/{orderId}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, (await customer.PostAsync($"/api/orders/{orderId}/pay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await OrdersWorld.MoveAsAdmin(fixture.Admin, orderId, "InProduction")).StatusCode);
        Assert.Equal(OrderStatus.Cancelled, (await OrdersWorld.GetOrder(customer, orderId)).Status);
    }

    [Fact]
    public async Task Only_admins_move_orders_and_list_them_by_status()
    {
        using var customer = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin));
        await OrdersWorld.Advance(customer, fixture.Admin, orderId, "Paid");

        var byCustomer = await customer.PostAsJsonAsync($"/api/admin/orders/{orderId}/status", new { status = "InProduction" });
        var listByCustomer = await customer.GetAsync("/api/admin/orders?status=Paid");
        var paid = await fixture.Admin.GetJson<OrderSummary[]>("/api/admin/orders?status=Paid&limit=1000");
        var submitted = await fixture.Admin.GetJson<OrderSummary[]>("/api/admin/orders?status=Submitted&limit=1000");

        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listByCustomer.StatusCode);
        Assert.Contains(paid, order => order.OrderId == orderId);
        Assert.DoesNotContain(submitted, order => order.OrderId == orderId);
        Assert.Equal(OrderStatus.Paid, (await OrdersWorld.GetOrder(customer, orderId)).Status);
    }

    [Fact]
    public async Task An_unknown_order_or_status_is_not_a_server_error()
    {
        var unknownOrder = await OrdersWorld.MoveAsAdmin(fixture.Admin, Guid.NewGuid(), "Shipped");
        var unknownStatus = await OrdersWorld.MoveAsAdmin(fixture.Admin, Guid.NewGuid(), "Teleported");

        Assert.Equal(HttpStatusCode.NotFound, unknownOrder.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
    }
}
