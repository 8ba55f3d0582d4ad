using Microsoft.Playwright;

namespace MyStamp.Browser.Tests;

/// <summary>The API reference Pro customers are pointed to renders in a browser, under the site's Content Security Policy.</summary>
[Collection(BrowserCollection.Name)]
public class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_api_reference_renders_the_documented_routes_without_breaking_the_content_security_policy()
    {
        var page = await browser.NewPage();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        var response = await page.GotoAsync("/api/docs/");

        Assert.Equal(200, response!.Status);
        // Rendered by Scalar's script from the document, not present in the served HTML.
        await Assertions.Expect(page.GetByText("Sign in with", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("/api/pro/bulk-orders").First).ToBeAttachedAsync();
        Assert.Empty(refused);
    }
}
