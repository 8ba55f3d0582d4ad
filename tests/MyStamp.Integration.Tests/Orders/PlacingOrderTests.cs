using System.Net;
using System.Net.Http.Json;
using MyStamp.Customers.Contracts;
using MyStamp.Orders.Contracts;

namespace MyStamp.Integration.Tests.Orders;

public class PlacingOrderTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task An_order_without_the_controller_attestation_is_refused_and_nothing_is_ordered()
    {
        // O2
        using var customer = await fixture.Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);

        var without = await customer.PostAsJsonAsync("/api/orders", new { designId, tariff = "Europe", sheets = 2 });
        var refused = await customer.PostAsJsonAsync("/api/orders", new { designId, tariff = "Europe", sheets = 2, controllerAttestation = false });

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadProblem()).Names("controllerAttestation"));
        Assert.Empty(await OrdersWorld.MyOrders(customer));
    }

    [Fact]
    public async Task An_order_keeps_who_attested_when_and_under_which_policy_version()
    {
        // O2
        using var customer = await fixture.Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var order = await OrdersWorld.GetOrder(customer, await OrdersWorld.PlaceOrder(customer, designId));

        var profile = await fixture.Node.Grains.GetGrain<ICustomerGrain>(customer.AccountId).GetProfile();
        Assert.Equal(customer.AccountId, order.Attestation.AttestedBy);
        Assert.InRange(order.Attestation.AttestedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(profile!.AcceptedPolicyVersion, order.Attestation.PolicyVersion);
    }

    [Fact]
    public async Task Placing_an_order_restarts_the_customers_retention_and_the_order_keeps_its_own_deadline()
    {
        // O7: the last order is where the three-year retention counts from.
        using var customer = await fixture.Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);

        var orderId = await OrdersWorld.PlaceOrder(customer, designId);

        var order = await OrdersWorld.GetOrder(customer, orderId);
        Assert.Equal(order.PlacedAt.AddYears(3), order.RetentionUntil);
        Assert.Contains(orderId, await fixture.Node.Grains.GetGrain<ICustomerGrain>(customer.AccountId).GetOrderIds());
    }

    [Fact]
    public async Task An_order_ships_to_the_profile_address_unless_another_is_given()
    {
        using var customer = await fixture.Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        var profile = await fixture.Node.Grains.GetGrain<ICustomerGrain>(customer.AccountId).GetProfile();

        var toProfile = await OrdersWorld.GetOrder(customer, await OrdersWorld.PlaceOrder(customer, designId));
        var elsewhere = await customer.PostAsJsonAsync("/api/orders", new
        {
            designId,
            tariff = "World",
            sheets = 1,
            shippingAddress = new { street = "Main Street", houseNumber = "5", postalCode = "10001", city = "New York", country = "US" },
            controllerAttestation = true,
        });

        Assert.Equal(profile!.Address.Street, toProfile.ShippingAddress.Street);
        Assert.Equal(profile.Address.City, toProfile.ShippingAddress.City);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal("New York", (await elsewhere.Read<OrderView>()).ShippingAddress.City);
    }

    [Fact]
    public async Task The_price_comes_from_the_price_table_with_vat()
    {
        using var customer = await fixture.Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        var prices = await customer.GetJson<PriceList>("/api/orders/prices");

        var order = await OrdersWorld.GetOrder(customer, await OrdersWorld.PlaceOrder(customer, designId, "Europe", sheets: 3));

        var net = prices.SheetPrices[Tariff.Europe] * 3;
        var vat = decimal.Round(net * prices.VatRate / 100, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(net, order.Price.Net);
        Assert.Equal(vat, order.Price.Vat);
        Assert.Equal(net + vat, order.Price.Total);
        Assert.Equal(prices.Currency, order.Price.Currency);
    }

    [Fact]
    public async Task Only_an_approved_design_of_ones_own_can_be_ordered()
    {
        using var customer = await fixture.Node.NewCustomer();
        using var someoneElse = await fixture.Node.NewCustomer();
        var theirs = await Designs.Approved(someoneElse, fixture.Admin);
        var pending = await Designs.Upload(customer);

        var usingTheirs = await customer.PostAsJsonAsync("/api/orders", new { designId = theirs, tariff = "Europe", sheets = 1, controllerAttestation = true });
        var usingPending = await customer.PostAsJsonAsync("/api/orders", new { designId = pending, tariff = "Europe", sheets = 1, controllerAttestation = true });
        var unknown = await customer.PostAsJsonAsync("/api/orders", new { designId = Guid.NewGuid(), tariff = "Europe", sheets = 1, controllerAttestation = true });

        Assert.Equal(HttpStatusCode.BadRequest, usingTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, usingPending.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await usingPending.ReadProblem()).Names("designId"));
    }

    [Fact]
    public async Task A_consumer_orders_up_to_100_sheets_and_a_pro_up_to_10000_with_the_enterprise_number_on_the_order()
    {
        using var consumer = await fixture.Node.NewCustomer();
        using var pro = await fixture.Node.NewProCustomer();
        var consumerDesign = await Designs.Approved(consumer, fixture.Admin);
        var proDesign = await Designs.Approved(pro, fixture.Admin);

        var tooMany = await consumer.PostAsJsonAsync("/api/orders", new { designId = consumerDesign, tariff = "Europe", sheets = 101, controllerAttestation = true });
        var none = await consumer.PostAsJsonAsync("/api/orders", new { designId = consumerDesign, tariff = "Europe", sheets = 0, controllerAttestation = true });
        var hundred = await OrdersWorld.PlaceOrder(consumer, consumerDesign, "Europe", sheets: 100);
        var proOrder = await OrdersWorld.GetOrder(pro, await OrdersWorld.PlaceOrder(pro, proDesign, "World", sheets: 10_000));
        var proTooMany = await pro.PostAsJsonAsync("/api/orders", new { designId = proDesign, tariff = "Europe", sheets = 10_001, controllerAttestation = true });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.ReadProblem()).Names("sheets"));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Null((await OrdersWorld.GetOrder(consumer, hundred)).EnterpriseNumber);
        Assert.Equal(10_000, proOrder.Sheets);
        var profile = await fixture.Node.Grains.GetGrain<ICustomerGrain>(pro.AccountId).GetProfile();
        Assert.False(string.IsNullOrEmpty(profile!.VatNumber));
        Assert.Equal(profile.VatNumber, proOrder.EnterpriseNumber);
        Assert.Equal(HttpStatusCode.BadRequest, proTooMany.StatusCode);
    }

    [Fact]
    public async Task Someone_elses_order_is_not_found()
    {
        using var owner = await fixture.Node.NewCustomer();
        using var stranger = await fixture.Node.NewCustomer();
        var orderId = await OrdersWorld.PlaceOrder(owner, await Designs.Approved(owner, fixture.Admin));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/orders/{orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/orders/{orderId}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/orders/{orderId}/pay", null)).StatusCode);
        Assert.DoesNotContain(orderId.ToString(), await stranger.GetStringAsync("/api/orders"));
        Assert.Equal(OrderStatus.Submitted, (await OrdersWorld.GetOrder(owner, orderId)).Status);
    }

    [Fact]
    public async Task My_orders_lists_the_callers_orders_newest_first()
    {
        using var customer = await fixture.Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        var first = await OrdersWorld.PlaceOrder(customer, designId);
        var second = await OrdersWorld.PlaceOrder(customer, designId);

        var mine = await OrdersWorld.MyOrders(customer);

        Assert.Equal([second, first], mine.Select(order => order.OrderId));
    }
}
