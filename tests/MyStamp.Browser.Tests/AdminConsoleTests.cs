using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class AdminConsoleTests(BrowserFixture browser)
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
        using var admin = await browser.Node.LoginAsAdmin(api: false);
        return await browser.NewPage(admin);
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
