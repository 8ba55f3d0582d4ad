using System.Net;
using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Orders;

namespace MyStamp.Browser.Tests.Orders;

/// <summary>The order page follows the order live: what the workshop does shows up without reloading.</summary>
[Collection(BrowserCollection.Name)]
public class OrderPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_order_page_changes_from_Paid_to_Shipped_without_a_reload_when_an_admin_moves_the_order()
    {
        using var customer = await browser.Node.NewCustomer();
        using var admin = await browser.Node.LoginAsAdmin();
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, admin));
        await OrdersWorld.Advance(customer, admin, orderId, "Paid");
        var page = await browser.NewPage(customer);
        var response = await page.GotoAsync($"/Orders/{orderId}");
        Assert.Equal(200, response!.Status);
        var status = page.GetByTestId("order-status");
        Assert.Equal("Paid", (await status.InnerTextAsync()).Trim());
        // Connected and caught up: from here on, only the hub can change what the page shows.
        await page.GetByTestId("live-indicator").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        foreach (var next in new[] { "InProduction", "Printed", "Shipped" })
        {
            using var moved = await OrdersWorld.MoveAsAdmin(admin, orderId, next);
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await Assertions.Expect(status).ToHaveTextAsync("Shipped");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the page was reloaded");
        Assert.Equal(0, navigations);
        // In words, never the code names; each step keeps its code for the page's script.
        var history = await page.GetByTestId("order-history").Locator("li > span").AllInnerTextsAsync();
        Assert.Equal(["Waiting for payment", "Paid", "Being printed", "Printed, ready to ship", "Shipped"], history);
        var codes = await page.GetByTestId("order-history").Locator("li > span").EvaluateAllAsync<string[]>("spans => spans.map(span => span.dataset.status)");
        Assert.Equal(["Submitted", "Paid", "InProduction", "Printed", "Shipped"], codes);
        // Paid orders can be cancelled; a shipped one no longer offers it.
        Assert.False(await page.GetByTestId("cancel").IsVisibleAsync());
    }
}
