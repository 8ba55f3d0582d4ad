using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Browser.Tests;

/// <summary>An admin's look at a customer is visible to the admins and to the customer (O8: "which admins looked").</summary>
[Collection(BrowserCollection.Name)]
public class AdminAuditTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_who_opens_the_dashboard_and_a_customers_page_leaves_a_visit_in_the_audit_trail()
    {
        var (customer, customerClient) = await browser.Node.SignedInConsumer();
        var page = await browser.NewPage();

        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", browser.Node.AdminEmail);
        await page.FillAsync("#password", MyStampNode.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in as an admin: the site's header offers the console.
        await Assertions.Expect(page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();

        var dashboard = await page.GotoAsync("/admin/dashboard/");
        Assert.Equal(200, dashboard!.Status);
        await page.GetByRole(AriaRole.Link, new() { Name = "Grains" }).First.WaitForAsync();

        // The search is a form post: the e-mail address never appears in a URL.
        await page.GotoAsync("/admin/customers");
        await page.FillAsync("input[name=Query]", customer.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.WaitForURLAsync($"**/admin/customers/{customer.CustomerId}");
        Assert.DoesNotContain(customer.Email, page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.GetByTestId("profile")).ToContainTextAsync(customer.Email);
        await Assertions.Expect(page.GetByTestId("audit-trail").Locator("tbody tr")).ToHaveCountAsync(1);

        // The customer sees the same visit in their access report.
        var report = await customerClient.GetFromJsonAsync<JsonElement>("/api/privacy/access-report");
        Assert.Contains("Admin console customer page", report.GetRawText(), StringComparison.Ordinal);
    }
}
