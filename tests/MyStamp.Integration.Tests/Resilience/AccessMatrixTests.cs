using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Orders.Contracts;
using MyStamp.Privacy.Contracts;
using MyStamp.Web.Studio;
using MyStamp.Web.Orders.Live;

namespace MyStamp.Integration.Tests.Resilience;

/// <summary>
/// Anonymous visitors, two customers A and B, a Pro account and an admin, with B's design, order and
/// data-subject request and the Pro account's bulk order already made: the callers of the matrix.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public MyStampNode Node { get; } = new();
    public Dictionary<string, HttpClient> Callers { get; } = new();
    public TestAccount A { get; private set; } = null!;
    public TestAccount B { get; private set; } = null!;
    public TestAccount Pro { get; private set; } = null!;

    /// <summary>B's things (and the Pro account's bulk order), by what they are.</summary>
    public Dictionary<string, Guid> OthersThings { get; } = new();

    public async Task InitializeAsync()
    {
        Node.Start();
        Callers["anonymous"] = Node.CreateApiClient();
        Callers["admin"] = await Node.LoginAsAdmin();
        (A, Callers["customer A"]) = await Node.SignedInConsumer();
        (B, Callers["customer B"]) = await Node.SignedInConsumer();
        (Pro, Callers["pro"]) = await Node.SignedInPro();

        var design = await ResilienceWorld.ApprovedDesign(Callers["customer B"], Callers["admin"]);
        OthersThings["B's design"] = design;
        OthersThings["B's order"] = await ResilienceWorld.PlaceOrder(Callers["customer B"], design);
        OthersThings["B's data-subject request"] = await ResilienceWorld.PrivacyRequest(Callers["customer B"]);
        Cookies["customer A"] = await SignInCookie(A.Email, A.Password);
        Cookies["customer B"] = await SignInCookie(B.Email, B.Password);
        Cookies["pro"] = await SignInCookie(Pro.Email, Pro.Password);
        Cookies["admin"] = await SignInCookie(Node.AdminEmail, MyStampNode.AdminPassword);
        var proDesign = await ResilienceWorld.ApprovedDesign(Callers["pro"], Callers["admin"]);
        OthersThings["the Pro account's bulk order"] = await ResilienceWorld.BulkOrder(Callers["pro"], proDesign, lines: 2);
    }

    /// <summary>The sign-in cookie of each signed-in caller, for SignalR connections.</summary>
    public Dictionary<string, string> Cookies { get; } = new();

    private async Task<string> SignInCookie(string email, string password)
    {
        using var client = Node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await client.PostAsJsonAsync("/api/account/login", new { email, password });
        await ResilienceWorld.Expect(response, HttpStatusCode.OK, "signing in");
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0]));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in Callers.Values)
        {
            client.Dispose();
        }
        await Node.DisposeAsync();
    }
}

/// <summary>
/// Every route the app maps (read from its EndpointDataSource, so a new route is covered without editing this
/// test) and every method of /hubs/orders, called by anonymous visitors, two customers, a Pro account and an
/// admin. The admin area's finer checks (every dashboard view serves an admin) are in
/// <see cref="Admin.AuthorizationMatrixTests"/>; this matrix adds the rest of the site, the Pro area and the
/// rule that one customer never sees or changes another's designs, orders or requests (O1).
/// </summary>
public sealed partial class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    /// <summary>
    /// Routes anyone may call. A route not listed here must refuse anonymous callers: a new public route is a
    /// decision to write down here, not an accident.
    /// </summary>
    private static readonly Regex[] Public =
    [
        Route("/"), Route("/Index"), Route("/Error"), Route("/health/.*"),
        Route("/Account/(Login|Register|Logout|AccessDenied)"), Route("/api/account/(register|login|logout)"),
        // The mailed links and "forgot password": a random token, or an address that gets the same answer either way.
        Route("/Account/(VerifyEmail|ForgotPassword|ResetPassword)"), Route("/api/account/(verify-email|password/forgot|password/reset)", "POST"),
        Route("/Privacy"), Route("/Privacy/(Index|Cookies|Request|Versions/.*|Version.*)"),
        Route("/api/privacy/(policy|policy/versions.*|register)"), Route("/api/privacy/requests", "POST"),
        Route("/api/designs/formats"), Route("/Studio/Formats"),
        // What MyStamp costs is shown on the home page before anyone signs in; anyone may choose a language.
        Route("/api/orders/prices", "GET"), Route("/language", "POST"),
        // The API's description and its browsable reference (README, "For scripts: the API reference").
        Route("/openapi/v1.json", "GET"), Route("/api/docs.*", "GET"),
        // The static-file fallback: anything not routed otherwise (a missing file answers 404 to anyone).
        Route(@"/\{\*\*path:file\}"),
    ];

    /// <summary>Admin-only routes outside /admin (the admin area's own matrix covers /admin and /api/admin).</summary>
    private static readonly Regex[] AdminElsewhere = [Route("/Studio/Review"), Route("/hubs/admin-jobs.*")];

    private static Regex Route(string pattern, string methods = "[A-Z]+") =>
        new($"^({methods}) {pattern}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private enum Zone { Public, SignedIn, Pro, Admin }

    private static readonly string[] SignedInCallers = ["customer A", "customer B", "pro", "admin"];

    [Fact]
    public void The_matrix_sees_every_area_of_the_site()
    {
        var routes = world.Node.Routes().Select(route => route.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Guards the guard: an enumeration that misses an area would let the other checks pass vacuously.
        Assert.Contains("/api/orders/{id:guid}", routes);
        Assert.Contains("/api/designs/{id:guid}", routes);
        Assert.Contains("/api/privacy/requests/{id:guid}", routes);
        Assert.Contains("/api/pro/bulk-orders/{id:guid}", routes);
        Assert.Contains("/api/account/me", routes);
        Assert.Contains(routes, route => route.StartsWith("/hubs/orders", StringComparison.OrdinalIgnoreCase));
        Assert.True(routes.Count > 60, $"only {routes.Count} routes found");
    }

    [Fact]
    public async Task Every_route_lets_in_exactly_the_callers_its_area_is_for()
    {
        var failures = new List<string>();
        foreach (var (route, method) in world.Node.Routes().Requests())
        {
            var zone = ZoneOf(route.Route, method);
            foreach (var (caller, client) in world.Callers)
            {
                // Signing out is public and would end the caller's session for the rest of the matrix.
                if (caller != "anonymous" && route.Route.Contains("ogout", StringComparison.Ordinal))
                {
                    continue;
                }
                // The admin area's own matrix checks anonymous callers, customers and admins there.
                if (IsAdminArea(route.Route) && caller is not "pro")
                {
                    continue;
                }
                using var response = await Call(client, route, method, _ => Guid.CreateVersion7().ToString());
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var refused = caller == "anonymous"
                    ? status == 401 || (status == 302 && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
                    : status == 403 || (status == 302 && location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));
                var mayEnter = zone switch
                {
                    Zone.Public => true,
                    Zone.SignedIn => caller != "anonymous",
                    Zone.Pro => caller == "pro",
                    _ => caller == "admin",
                };
                if (status >= 500)
                {
                    failures.Add($"{caller}: {method} {route} → {status} (a server error)");
                }
                // Wrong credentials (the matrix sends none) answer 401 by design: that is sign-in, not a refusal.
                else if (mayEnter ? IsRefusal(status, location) && !route.Route.EndsWith("/login", StringComparison.OrdinalIgnoreCase) : !refused)
                {
                    failures.Add($"{caller}: {method} {route} ({zone}) → {status} {location}");
                }
            }
        }
        Assert.True(failures.Count == 0, "Wrong answers:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task Customer_A_can_neither_see_nor_change_what_belongs_to_others()
    {
        var a = world.Callers["customer A"];
        var before = await Snapshot();
        var failures = new List<string>();
        foreach (var (route, method) in world.Node.Routes().Requests().Where(request => ZoneOf(request.Route.Route, request.Method) is Zone.SignedIn or Zone.Public))
        {
            if (route.Route.Contains("ogout", StringComparison.Ordinal))
            {
                continue;
            }
            if (!route.Pattern.Parameters.Any(parameter => parameter.IsGuid()))
            {
                // A list (my orders, my designs, my requests) must not show someone else's things.
                if (method == HttpMethods.Get)
                {
                    using var listed = await Call(a, route, method, _ => "1");
                    var body = await listed.Content.ReadAsStringAsync();
                    failures.AddRange(world.OthersThings.Where(thing => body.Contains(thing.Value.ToString(), StringComparison.OrdinalIgnoreCase))
                        .Select(thing => $"GET {route} shows {thing.Key}"));
                }
                continue;
            }
            foreach (var (what, id) in world.OthersThings)
            {
                using var response = await Call(a, route, method, parameter => parameter.IsGuid() ? id.ToString() : "1");
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 300 || status >= 500)
                {
                    failures.Add($"{method} {route} with {what} → {status}");
                }
            }
        }

        var after = await Snapshot();
        Assert.True(failures.Count == 0, "Customer A reached others' things:\n" + string.Join('\n', failures));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Every_hub_method_answers_only_about_the_callers_own_orders()
    {
        var methods = typeof(OrdersHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => method.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync" or "Dispose"))
            .ToList();
        Assert.NotEmpty(methods);
        var bOrder = world.OthersThings["B's order"];

        // Anonymous visitors cannot even connect.
        var anonymous = await Assert.ThrowsAnyAsync<Exception>(() => Connect(null));
        Assert.Contains("401", anonymous.Message, StringComparison.Ordinal);

        foreach (var caller in SignedInCallers)
        {
            await using var connection = await Connect(caller);
            foreach (var method in methods)
            {
                var arguments = method.GetParameters().Select(parameter => parameter.ParameterType == typeof(Guid) ? (object)bOrder : null).ToArray();
                var answer = await connection.InvokeCoreAsync<JsonElement>(method.Name, arguments);
                var text = answer.GetRawText();
                var mayKnow = caller == "customer B";
                if (!mayKnow)
                {
                    Assert.False(text.Contains(bOrder.ToString(), StringComparison.OrdinalIgnoreCase), $"{caller}: {method.Name} told about B's order: {text}");
                }
                else if (method.GetParameters().Any(parameter => parameter.ParameterType == typeof(Guid)))
                {
                    Assert.Contains(bOrder.ToString(), text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    private static Zone ZoneOf(string route, string method)
    {
        var request = $"{method} {(route.Length > 1 ? route.TrimEnd('/') : route)}";
        return IsAdminArea(route) || AdminElsewhere.Any(pattern => pattern.IsMatch(request)) ? Zone.Admin
            : route.StartsWith("/api/pro/", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/Pro/", StringComparison.OrdinalIgnoreCase) ? Zone.Pro
            : Public.Any(pattern => pattern.IsMatch(request)) ? Zone.Public
            : Zone.SignedIn;
    }

    private static bool IsAdminArea(string route) =>
        route.Equals("/admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase)
        || route.StartsWith("/api/admin/", StringComparison.OrdinalIgnoreCase);

    private static bool IsRefusal(int status, string location) =>
        status is 401 or 403 || (status == 302 && (location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)
            || location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)));

    private static async Task<HttpResponseMessage> Call(HttpClient client, AppRoute route, string method, Func<Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart, string> valueFor)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), RouteCatalog.PathOf(route, parameter =>
            parameter.IsInteger() ? "1" : parameter.Name.Equals("path", StringComparison.OrdinalIgnoreCase) ? "x" : valueFor(parameter)));
        if (method != HttpMethods.Get)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        // Streams (the dashboard's log) never end: the status is all the matrix needs.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    /// <summary>What B (and the Pro account) see of their things: must not change while A tries.</summary>
    private async Task<string> Snapshot()
    {
        var b = world.Callers["customer B"];
        var order = await b.GetJson<OrderView>($"/api/orders/{world.OthersThings["B's order"]}");
        var design = await b.GetJson<DesignResponse>($"/api/designs/{world.OthersThings["B's design"]}");
        var request = await b.GetJson<RequestStatusAnswer>($"/api/privacy/requests/{world.OthersThings["B's data-subject request"]}");
        // A record prints every field: the design's whole answer is compared, as its JSON text was.
        return string.Join('\n', order.Status, order.History.Count, design, request.Status);
    }

    /// <summary>The one field of a data-subject request the snapshot compares.</summary>
    private sealed record RequestStatusAnswer(RequestStatus Status);

    private async Task<HubConnection> Connect(string? caller)
    {
        var cookies = caller is null ? "" : world.Cookies[caller];
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(world.Node.Server.BaseAddress, "/hubs/orders"), options =>
            {
                options.HttpMessageHandlerFactory = _ => world.Node.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (cookies.Length > 0)
                {
                    options.Headers["Cookie"] = cookies;
                }
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
