using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>One route the app maps, with the methods it answers.</summary>
public sealed record AppRoute(string Route, RoutePattern Pattern, IReadOnlyList<string> Methods, bool IsPage)
{
    public bool HasParameters => Pattern.Parameters.Count > 0;

    public override string ToString() => Route;
}

/// <summary>
/// Every route of a running node, read from its own <see cref="EndpointDataSource"/>, so that tests over "every
/// route" (authorization matrices, fuzzing) cover a route added later without being edited.
/// </summary>
public static class RouteCatalog
{
    /// <summary>Every routed endpoint (static files excepted), one entry per route and method set.</summary>
    public static IReadOnlyList<AppRoute> Routes(this MyStampNode node) =>
        node.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => !IsStaticFile(endpoint))
            .Select(endpoint =>
            {
                var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
                return new AppRoute(route, endpoint.RoutePattern, methods is { Count: > 0 } ? methods.ToList() : [HttpMethods.Get], isPage);
            })
            .DistinctBy(route => (route.Route.ToLowerInvariant(), string.Join(',', route.Methods)))
            .ToList();

    /// <summary>Each route with each of its methods (HEAD and OPTIONS left out); pages also with POST, since their forms post back to them.</summary>
    public static IEnumerable<(AppRoute Route, string Method)> Requests(this IEnumerable<AppRoute> routes) =>
        routes.SelectMany(route => (route.IsPage ? route.Methods.Append(HttpMethods.Post).Distinct() : route.Methods)
            .Where(method => method is not ("HEAD" or "OPTIONS"))
            .Select(method => (route, method)));

    /// <summary>The path of a route with its parameters filled by <paramref name="valueFor"/>.</summary>
    public static string PathOf(AppRoute route, Func<RoutePatternParameterPart, string> valueFor)
    {
        var path = new StringBuilder();
        foreach (var segment in route.Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(valueFor(parameter)),
                    _ => "",
                });
            }
        }
        // A folder route such as the dashboard's "/admin/dashboard/" keeps its slash (without it, it redirects).
        return route.Route.EndsWith('/') && route.Route.Length > 1 ? path.Append('/').ToString() : path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>True for a parameter that takes an integer (a route constraint <c>int</c>).</summary>
    public static bool IsInteger(this RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(policy => policy.Content is "int" or "long");

    /// <summary>True for a parameter that takes a Guid (a route constraint <c>guid</c>).</summary>
    public static bool IsGuid(this RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(policy => policy.Content == "guid");

    // MapStaticAssets maps one endpoint per file of wwwroot: content, not behaviour.
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(metadata => metadata.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");
}
