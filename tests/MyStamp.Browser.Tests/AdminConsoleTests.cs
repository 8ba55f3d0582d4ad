using Microsoft.Playwright;
using MyStamp.Integration.Tests.Admin;

namespace MyStamp.Browser.Tests;

public class AdminConsoleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_opens_the_Orleans_dashboard_under_the_sites_security_policy()
    {
        var page = await AdminPage();
        var violations = CollectPolicyViolations(page);

        var response = await page.GotoAsync("/admin/dashboard/");

        Assert.Equal(200, response!.Status);
        // The dashboard's own script renders the menu and the cluster's figures.
        await page.GetByRole(AriaRole.Link, new() { Name = "Grains" }).First.WaitForAsync();
        await page.GotoAsync("/admin/dashboard/#/grainDetails");
        await page.Locator("select").First.WaitForAsync();
        Assert.Empty(violations);
    }

    private async Task<IPage> AdminPage()
    {
        using var admin = await SignedInClient.Admin(browser.Node);
        var page = await browser.NewPage();
        await page.Context.AddCookiesAsync(admin.Cookies.Select(cookie => new Cookie
        {
            Name = cookie.Key,
            Value = cookie.Value,
            Url = browser.BaseAddress.ToString(),
        }));
        return page;
    }

    private static List<string> CollectPolicyViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }
}
