using MyStamp.Integration.Tests.Orders;

namespace MyStamp.Integration.Tests.Mail;

/// <summary>A paid order is confirmed by mail, and its shipping is announced, each once, to the customer's address.</summary>
public class OrderMailTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Paying_mails_the_confirmation_and_shipping_mails_the_notice()
    {
        var account = await fixture.Node.RegisterConsumer();
        using var customer = await fixture.Node.Login(account);
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin), sheets: 3);
        var orderNumber = orderId.ToString("N")[..8].ToUpperInvariant();

        await OrdersWorld.Advance(customer, fixture.Admin, orderId, "Paid");
        var confirmation = await MailInbox.WaitFor(account.Email, mail => mail.Subject.Contains(orderNumber, StringComparison.Ordinal));
        Assert.Contains("Ann", confirmation.Body);
        Assert.Contains($"/Orders/{orderId}", confirmation.Body);
        Assert.Contains("3", confirmation.Body);

        foreach (var status in new[] { "InProduction", "Printed", "Shipped", "Delivered" })
        {
            using var moved = await OrdersWorld.MoveAsAdmin(fixture.Admin, orderId, status);
            Assert.Equal(System.Net.HttpStatusCode.OK, moved.StatusCode);
        }
        var notice = await MailInbox.WaitFor(account.Email, mail => mail.Subject.Contains(orderNumber, StringComparison.Ordinal), count: 2);
        Assert.NotEqual(confirmation.Subject, notice.Subject);
        Assert.Contains($"/Orders/{orderId}", notice.Body);

        // One of each: delivery moved the order on, and nothing more was mailed about it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await MailInbox.To(account.Email)).Count(mail => mail.Subject.Contains(orderNumber, StringComparison.Ordinal)));
    }
}
