using Microsoft.Playwright;

namespace MyStamp.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_sees_the_shop_and_can_find_sign_in_and_register()
    {
        var page = await browser.NewPage();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Contains("stamp", await page.Locator("h1").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).IsVisibleAsync());
    }
}
