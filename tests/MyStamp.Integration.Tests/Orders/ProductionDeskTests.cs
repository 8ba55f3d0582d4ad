using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Orders;

/// <summary>
/// The production desk can ship: each paid order opens to its shipping address and print sheet, and a batch print
/// view puts the labels of many orders on one page. Every one of these is a recorded look at the customer's data.
/// </summary>
public class ProductionDeskTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task The_production_desk_shows_the_address_and_sheet_of_a_paid_order()
    {
        var (customerId, orderId, designId) = await PaidOrderShippedTo("Zuidlaan", "1060");
        using var admin = await Node.LoginAsAdmin(api: false);

        var desk = await admin.GetStringAsync("/Admin/Orders?status=Paid");
        Assert.Contains($"/Admin/Orders/{orderId}", desk);
        Assert.DoesNotContain("Zuidlaan", desk);

        var page = await admin.GetStringAsync($"/Admin/Orders/{orderId}");
        Assert.Contains("Zuidlaan 44", page);
        Assert.Contains("1060 Sint-Gillis", page);
        Assert.Contains($"/api/designs/{designId}/sheet.pdf", page);

        using var sheet = await admin.GetAsync($"/api/designs/{designId}/sheet.pdf");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("application/pdf", sheet.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await sheet.Content.ReadAsByteArrayAsync())[..4]));

        // Both the page and the sheet are looks at the customer's data, in their trail.
        var whats = await Whats(customerId);
        Assert.Contains(MyStamp.Audit.Contracts.ViewedData.OrderToShip, whats);
        Assert.Contains(MyStamp.Audit.Contracts.ViewedData.DesignImage("print sheet"), whats);
    }

    [Fact]
    public async Task The_batch_print_view_has_a_label_and_sheet_per_order_and_records_each_customer()
    {
        var first = await PaidOrderShippedTo("Bergstraat", "9000");
        var second = await PaidOrderShippedTo("Dorpsplein", "9000");
        foreach (var orderId in new[] { first.OrderId, second.OrderId })
        {
            // Shipped: no other test leaves orders there in numbers, and the production batch does not touch it.
            await OrdersWorld.MoveAsAdmin(fixture.Admin, orderId, "InProduction");
            await OrdersWorld.MoveAsAdmin(fixture.Admin, orderId, "Printed");
        }
        using var admin = await Node.LoginAsAdmin(api: false);

        var page = await admin.GetStringAsync("/Admin/Orders/Print?status=Printed");

        Assert.Contains("Bergstraat 44", page);
        Assert.Contains("Dorpsplein 44", page);
        Assert.Contains($"/api/designs/{first.DesignId}/sheet.pdf", page);
        Assert.Contains($"/api/designs/{second.DesignId}/sheet.pdf", page);
        Assert.Contains(MyStamp.Audit.Contracts.ViewedData.BatchPrintView, await Whats(first.CustomerId));
        Assert.Contains(MyStamp.Audit.Contracts.ViewedData.BatchPrintView, await Whats(second.CustomerId));
    }

    [Fact]
    public async Task An_admin_moving_an_order_gets_its_status_without_the_address()
    {
        var (_, orderId, _) = await PaidOrderShippedTo("Veldstraat", "9000");

        using var moved = await OrdersWorld.MoveAsAdmin(fixture.Admin, orderId, "InProduction");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.Content.ReadAsStringAsync();
        Assert.Contains("InProduction", body);
        Assert.DoesNotContain("Veldstraat", body);
    }

    private async Task<(Guid CustomerId, Guid OrderId, Guid DesignId)> PaidOrderShippedTo(string street, string postalCode)
    {
        var customer = await Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        using var placed = await customer.PostAsJsonAsync("/api/orders", new
        {
            designId,
            tariff = "BelgiumNonPrior",
            sheets = 2,
            shippingAddress = new { street, houseNumber = "44", box = (string?)null, postalCode, city = postalCode == "1060" ? "Sint-Gillis" : "Gent", country = "BE" },
            controllerAttestation = true,
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Read<MyStamp.Orders.Contracts.OrderView>()).OrderId;
        Assert.Equal(HttpStatusCode.OK, (await customer.PostAsync($"/api/orders/{orderId}/pay", null)).StatusCode);
        return (customer.AccountId, orderId, designId);
    }

    private static async Task<IReadOnlyList<string>> Whats(Guid customerId)
    {
        await using var dataSource = TestDatabase.CreateDataSource();
        await using var command = dataSource.CreateCommand("SELECT what FROM audit_personal_data_views WHERE customer_id = @customer");
        command.Parameters.AddWithValue("customer", customerId);
        await using var reader = await command.ExecuteReaderAsync();
        var whats = new List<string>();
        while (await reader.ReadAsync())
        {
            whats.Add(reader.GetString(0));
        }
        return whats;
    }
}
