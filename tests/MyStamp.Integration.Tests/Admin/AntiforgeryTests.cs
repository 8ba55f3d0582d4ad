using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>Every form that changes or looks something up posts an antiforgery token, and a post without one is refused.</summary>
public partial class AntiforgeryTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task Every_posting_form_on_every_page_carries_an_antiforgery_token()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        var forms = 0;
        foreach (var path in Pages())
        {
            var response = await admin.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            foreach (Match form in PostingForm().Matches(await response.Content.ReadAsStringAsync()))
            {
                forms++;
                Assert.True(form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal), $"a form on {path} posts without an antiforgery token");
            }
        }
        // The layout's sign-out form and the customer search at least.
        Assert.True(forms >= 2, "too few forms were checked");
    }

    [Fact]
    public async Task A_customer_search_posted_without_the_token_is_refused()
    {
        using var admin = await Node.LoginAsAdmin(api: false);

        var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/customers")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Query"] = Guid.CreateVersion7().ToString() }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_customer_search_with_the_token_goes_to_the_customer_page()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        var customerId = Guid.CreateVersion7();

        var response = await admin.PostForm("/admin/customers", new Dictionary<string, string> { ["Query"] = customerId.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/customers/{customerId}", response.Headers.Location?.OriginalString);
    }

    private IEnumerable<string> Pages() =>
        Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null && endpoint.RoutePattern.Parameters.Count == 0)
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("<form\\b[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PostingForm();
}
