using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Admin;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>Security headers on every kind of response: pages, the admin area, the dashboard, static files, errors.</summary>
public partial class SecurityHeadersTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/admin/customers")]
    [InlineData(AdminConsole.DashboardPath + "/")]
    [InlineData(AdminConsole.DashboardPath + "/index.min.js")]
    [InlineData("/css/site.css")]
    [InlineData("/health/live")]
    [InlineData("/no/such/page")]
    public async Task Every_response_forbids_framing_sniffing_referrers_and_foreign_or_inline_scripts(string path)
    {
        using var admin = await Node.LoginAsAdmin(api: false);

        var response = await admin.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive.Split(' ').Skip(1).ToArray());
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal("'self'", directives["script-src"][0]);
        Assert.All(directives["script-src"].Skip(1), source => Assert.StartsWith("'nonce-", source));
        Assert.DoesNotContain(directives["default-src"].Concat(directives["script-src"]), source => source is "'unsafe-inline'" or "'unsafe-eval'" or "*" or "data:");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Each_response_gets_a_fresh_script_nonce()
    {
        using var anonymous = Node.CreatePageClient();

        var first = NonceOf(await anonymous.GetAsync("/"));
        var second = NonceOf(await anonymous.GetAsync("/"));

        Assert.NotEqual(first, second);
        Assert.True(Convert.FromBase64String(first).Length >= 16);
    }

    [Fact]
    public async Task Admin_answers_are_never_cached_by_the_browser()
    {
        using var admin = await Node.LoginAsAdmin(api: false);

        foreach (var path in new[] { "/admin", "/admin/customers", $"{AdminConsole.DashboardPath}/DashboardCounters" })
        {
            var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} may be cached");
        }
    }

    [Fact]
    public async Task Every_script_a_page_writes_carries_the_nonce_of_its_response()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        var checkedPages = 0;
        foreach (var path in PagesWithoutParameters())
        {
            var response = await admin.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            checkedPages++;
            var nonce = NonceOf(response);
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match script in ScriptTag().Matches(html))
            {
                // As the browser reads the attribute: a nonce with '+' or '/' is written HTML-encoded (&#x2B;).
                Assert.True(WebUtility.HtmlDecode(script.Value).Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), $"{path}: {script.Value} runs without the response's nonce");
            }
        }
        Assert.True(checkedPages >= 3, "too few pages were checked");
    }

    internal IEnumerable<string> PagesWithoutParameters() =>
        Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null && endpoint.RoutePattern.Parameters.Count == 0)
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static string NonceOf(HttpResponseMessage response) =>
        NonceSource().Match(Assert.Single(response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
