using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Admin;
using Orleans.Runtime;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>
/// Every endpoint the app maps under /admin, /admin/dashboard and /api/admin — read from the app's own
/// EndpointDataSource, so a route added later is checked without touching this test — refuses anonymous
/// callers (302 to the login page, or 401) and customers (403), and serves admins.
/// </summary>
public class AuthorizationMatrixTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public void The_matrix_covers_the_console_and_every_dashboard_endpoint()
    {
        var routes = AdminEndpoints().Select(endpoint => endpoint.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Guards the guard: an empty or partial enumeration would let every other check pass vacuously.
        Assert.Contains("/admin", routes);
        Assert.Contains("/admin/customers", routes);
        Assert.Contains("/admin/customers/{customerId:guid}", routes);
        Assert.Contains($"{AdminConsole.DashboardPath}/", routes);
        Assert.Contains($"{AdminConsole.DashboardPath}/DashboardCounters", routes);
        Assert.Contains($"{AdminConsole.DashboardPath}/GrainState", routes);
        Assert.Contains($"{AdminConsole.DashboardPath}/Trace", routes);
        Assert.True(routes.Count(route => route.StartsWith(AdminConsole.DashboardPath, StringComparison.OrdinalIgnoreCase)) >= 20,
            "the dashboard maps about twenty endpoints; far fewer means the enumeration missed them");
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_sign_in_or_refused_everywhere_in_the_admin_area()
    {
        using var anonymous = Node.CreatePageClient();
        var failures = new List<string>();
        foreach (var (endpoint, method) in Requests())
        {
            using var response = await Call(anonymous, endpoint, method);
            var toLogin = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true;
            if (!toLogin && response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {endpoint.Route} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, "Reachable without signing in:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Customers_are_refused_everywhere_in_the_admin_area()
    {
        using var customer = await Node.NewCustomer(api: false);
        var failures = new List<string>();
        foreach (var (endpoint, method) in Requests())
        {
            using var response = await Call(customer, endpoint, method);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {endpoint.Route} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, "Not refused to a customer:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Admins_are_served_everywhere_in_the_admin_area()
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        var failures = new List<string>();
        foreach (var (endpoint, method) in Requests())
        {
            using var response = await Call(admin, endpoint, method);
            var status = (int)response.StatusCode;
            var served = method == HttpMethods.Get
                // A page or view with a made-up id may answer 404; one without parameters must answer 200.
                ? status == 200 || (status == 404 && endpoint.Pattern.Parameters.Count > 0 && !IsKnownValue(endpoint))
                // A POST with an empty body is refused for its body (400, 404, 409…), never for the caller.
                : status is not (401 or 403) && status < 500 && !(status == 302 && IsLoginRedirect(response));
            if (!served)
            {
                failures.Add($"{method} {endpoint.Route} → {status} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, "Not served to an admin:\n" + string.Join('\n', failures));
    }

    private sealed record AdminEndpoint(string Route, RoutePattern Pattern, IReadOnlyList<string> Methods, bool IsPage);

    private IEnumerable<AdminEndpoint> AdminEndpoints() =>
        Node.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint =>
            {
                var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
                return new AdminEndpoint(route, endpoint.RoutePattern, methods is { Count: > 0 } ? methods.ToList() : [HttpMethods.Get], isPage);
            })
            .Where(endpoint => IsAdminArea(endpoint.Route))
            .DistinctBy(endpoint => (endpoint.Route.ToLowerInvariant(), string.Join(',', endpoint.Methods)));

    /// <summary>Each endpoint with each of its methods; pages also with POST, since their forms post back to them.</summary>
    private IEnumerable<(AdminEndpoint Endpoint, string Method)> Requests() =>
        AdminEndpoints().SelectMany(endpoint => (endpoint.IsPage ? endpoint.Methods.Append(HttpMethods.Post).Distinct() : endpoint.Methods)
            .Where(method => method is not ("HEAD" or "OPTIONS"))
            .Select(method => (endpoint, method)));

    private static bool IsAdminArea(string route) =>
        route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase) || route.Equals("/admin", StringComparison.OrdinalIgnoreCase)
        || route.StartsWith("/api/admin/", StringComparison.OrdinalIgnoreCase);

    private async Task<HttpResponseMessage> Call(TestClient client, AdminEndpoint endpoint, string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), PathOf(endpoint));
        if (method != HttpMethods.Get)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        }
        // Some dashboard endpoints stream (the log stream runs for an hour): the status is all we need.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    private string PathOf(AdminEndpoint endpoint)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(ValueFor(endpoint, parameter)),
                    _ => "",
                });
            }
        }
        // The dashboard's root is the folder itself: "/admin/dashboard/" (without the slash it redirects to it).
        return endpoint.Route.EndsWith('/') ? path.Append('/').ToString() : path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>Real values where the test knows them (this silo, a grain type, an asset), made-up ones elsewhere.</summary>
    private string ValueFor(AdminEndpoint endpoint, RoutePatternParameterPart parameter)
    {
        var silo = Node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        return (parameter.Name.ToLowerInvariant(), endpoint.Route) switch
        {
            ("path", var route) when route.Contains("/fonts/", StringComparison.OrdinalIgnoreCase) => "fa-solid-900.woff2",
            ("path", var route) when route.Contains("/img/", StringComparison.OrdinalIgnoreCase) => "OrleansLogo.png",
            ("path" or "address", _) => silo,
            ("grainname", _) => "MyStamp.Audit.PersonalDataViews.PersonalDataViewsGrain",
            ("page", _) => "1",
            _ when parameter.ParameterPolicies.Any(policy => policy.Content == "int") => "1",
            _ => Guid.CreateVersion7().ToString(),
        };
    }

    private static bool IsKnownValue(AdminEndpoint endpoint) =>
        endpoint.Route.StartsWith(AdminConsole.DashboardPath, StringComparison.OrdinalIgnoreCase);

    private static bool IsLoginRedirect(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true;
}
