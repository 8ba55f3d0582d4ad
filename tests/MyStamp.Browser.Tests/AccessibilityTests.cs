using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Browser.Tests;

/// <summary>axe-core over the main pages, as a visitor and as a customer: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("nl-BE")]
    public async Task The_pages_of_a_visitor_have_no_serious_accessibility_violation(string locale)
    {
        var page = await browser.NewPage(locale);
        var found = new List<string>();
        foreach (var path in new[] { "/", "/Account/Register", "/Account/Login", "/Privacy", "/Privacy/Cookies", "/Privacy/Request" })
        {
            await page.GotoAsync(path);
            found.AddRange(await SeriousViolations(page, path));
        }

        // The register form with its errors shown.
        await page.GotoAsync("/Account/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = locale.StartsWith("nl", StringComparison.Ordinal) ? "Registreren" : "Register", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        found.AddRange(await SeriousViolations(page, "/Account/Register (with errors)"));

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public async Task The_pages_of_a_customer_have_no_serious_accessibility_violation()
    {
        using var admin = await browser.Node.LoginAsAdmin();
        var account = await browser.Node.RegisterConsumer();
        using var api = await browser.Node.Login(account);
        using var customer = await browser.Node.Login(account, api: false);
        var designId = await Designs.Approved(api, admin);
        var orderId = await MyStamp.Integration.Tests.Orders.OrdersWorld.PlaceOrder(api, designId);

        var page = await browser.NewPage(customer);
        var found = new List<string>();
        foreach (var path in new[] { "/", "/Studio", "/Studio/Upload", $"/Studio/Design/{designId}", "/Orders", $"/Orders/New?designId={designId}", $"/Orders/{orderId}", "/Account/Profile", "/Account/EditProfile", "/Privacy/Mine" })
        {
            await page.GotoAsync(path);
            found.AddRange(await SeriousViolations(page, path));
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private static async Task<IReadOnlyList<string>> SeriousViolations(IPage page, string where)
    {
        AxeResult result = await page.RunAxe();
        return result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{where}: {violation.Impact} {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}")
            .ToList();
    }
}
