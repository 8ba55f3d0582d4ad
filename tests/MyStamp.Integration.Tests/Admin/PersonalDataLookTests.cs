using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Privacy.Contracts;
using MyStamp.Integration.Tests.Orders;
using MyStamp.Integration.Tests.Privacy;
using MyStamp.Web.Admin.Looks;
using MyStamp.Mail.Contracts;
using MyStamp.Web.Privacy;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>
/// The rule "every admin look at personal data is recorded, before it is shown", checked over the app's own
/// EndpointDataSource: every admin route says whether it shows personal data, every route that does has a scenario
/// here, and one call of it adds exactly one entry naming the data subject (one per person for an export).
/// A route added later without a declaration or without a scenario fails these tests until someone decides.
/// </summary>
public class PersonalDataLookTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    private TestClient Admin => fixture.Admin;

    private const string LookedAt = "Looked at by an admin";

    /// <summary>One admin route (or one handler of an admin page) and what it declares.</summary>
    public sealed record DeclaredRoute(string Key, bool IsAdminRoute, IPersonalDataDeclaration? Declaration);

    [Fact]
    public async Task Every_admin_route_says_whether_it_shows_personal_data()
    {
        var routes = await DeclaredRoutes();

        // Guards the guard: an enumeration that missed the pages or the APIs would pass vacuously.
        Assert.Contains(routes, route => route.Key == "GET /admin/customers/{customerId:guid}" && route.Declaration is ShowsPersonalDataAttribute);
        Assert.Contains(routes, route => route.Key == "GET /api/admin/orders/{id:guid}" && route.Declaration is ShowsPersonalDataAttribute);
        Assert.Contains(routes, route => route.Key.StartsWith("GET /admin/dashboard/", StringComparison.Ordinal));
        var undeclared = routes.Where(route => route.IsAdminRoute && route.Declaration is null).Select(route => route.Key).ToList();
        Assert.True(undeclared.Count == 0,
            "These admin routes do not say whether they show personal data ([ShowsPersonalData] with a recorded look, or [ShowsNoPersonalData]):\n"
            + string.Join('\n', undeclared));
    }

    [Fact]
    public async Task Every_route_that_shows_personal_data_has_a_scenario_here()
    {
        var personal = (await DeclaredRoutes()).Where(route => route.Declaration is ShowsPersonalDataAttribute).Select(route => route.Key).ToHashSet();

        var missing = personal.Except(Scenarios.Keys).ToList();
        var stale = Scenarios.Keys.Except(personal).ToList();

        Assert.True(missing.Count == 0, "Personal-data routes without a look scenario in this test:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Scenarios of routes that no longer show personal data:\n" + string.Join('\n', stale));
    }

    public static TheoryData<string> ScenarioKeys() => new(Scenarios.Keys.Order());

    [Theory]
    [MemberData(nameof(ScenarioKeys))]
    public async Task One_call_of_a_personal_data_route_records_one_look_naming_the_data_subject(string route)
    {
        var scenario = await Scenarios[route](this);
        var before = await Count(scenario.Subject);

        using var response = await scenario.Call();

        Assert.True(response.IsSuccessStatusCode, $"{route} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.True(response.Headers.CacheControl?.NoStore, $"{route} lets caches keep personal data");
        Assert.Equal(before + 1, await Count(scenario.Subject));
    }

    [Fact]
    public async Task An_audience_export_records_the_export_and_each_person_in_it_and_their_access_report_lists_it()
    {
        var included = await PrivacyTestUsers.RegisterCustomer(Node, "Lotte");
        var objector = await PrivacyTestUsers.RegisterCustomer(Node, "Wout");
        await objector.Client.PostAsJsonAsync("/api/privacy/objections", new { channel = "Email" });

        using var response = await fixture.Admin.PostAsJsonAsync("/api/admin/privacy/audience-exports",
            new { channel = "Email", subject = "Spring stamps", message = "New formats are in." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "an export must not be kept by a cache");
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Contains(rows, row => row.StartsWith(included.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.StartsWith(objector.Id.ToString(), StringComparison.Ordinal));

        // The export: who, when, which channel, how many; and one entry per person, pointing at it.
        var exportId = await TestDatabase.Scalar<Guid>(
            "SELECT export_id FROM audit_personal_data_views WHERE customer_id = @customer AND export_id IS NOT NULL", ("customer", included.Id));
        Assert.Equal("Email", await TestDatabase.Scalar<string>("SELECT channel FROM audit_personal_data_exports WHERE id = @id", ("id", exportId)));
        Assert.Equal(fixture.Admin.AccountId, await TestDatabase.Scalar<Guid>("SELECT admin_id FROM audit_personal_data_exports WHERE id = @id", ("id", exportId)));
        Assert.Equal(rows.Count, await TestDatabase.Scalar<int>("SELECT subjects FROM audit_personal_data_exports WHERE id = @id", ("id", exportId)));
        Assert.Equal((long)rows.Count, await TestDatabase.Scalar<long>(
            "SELECT count(DISTINCT customer_id) FROM audit_personal_data_views WHERE export_id = @id", ("id", exportId)));
        Assert.Equal((long)rows.Count, await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM audit_personal_data_views WHERE export_id = @id", ("id", exportId)));
        Assert.Equal(0L, await TestDatabase.Scalar<long>(
            "SELECT count(*) FROM audit_personal_data_views WHERE export_id = @id AND customer_id = @customer", ("id", exportId), ("customer", objector.Id)));

        // O8: the person's access report says that the export included them, with its date and channel.
        var report = await included.Client.GetJson<AccessReport>("/api/privacy/access-report");
        var access = report.AdminAccesses.Single(entry => entry.What.Contains("audience export", StringComparison.Ordinal));
        Assert.Contains("Email", access.What);
        Assert.Equal(fixture.Admin.AccountId, access.AdminId);
        Assert.InRange(access.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var page = await included.Client.GetStringAsync("/Privacy/AccessReport");
        Assert.Contains("Included in the advertising audience export: Email", page);
    }

    [Fact]
    public async Task A_personal_data_answer_to_an_admin_without_a_recorded_look_is_refused()
    {
        var (http, looks) = AdminRequest();
        var filter = new AdminLookFilters.EndpointFilter();

        var forgot = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>(Results.Ok("Ann Peeters, Wetstraat 16"))));
        Assert.Equal(AdminLookFilters.LookNotRecorded, forgot.Message);

        // The same answer after the look was recorded goes out, and is kept out of caches.
        var customer = await Node.RegisterConsumer();
        await looks.AtCustomer(customer.CustomerId, "a test look");
        var answered = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>(Results.Ok("Ann Peeters")));
        Assert.NotNull(answered);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_page_that_shows_personal_data_to_an_admin_without_a_recorded_look_is_refused()
    {
        var (http, looks) = AdminRequest();
        var filter = new AdminLookFilters.PageFilter();
        var page = new PageContext(new Microsoft.AspNetCore.Mvc.ActionContext(http, new RouteData(), new CompiledPageActionDescriptor()));
        var model = new PageShowingSomeone();
        Task<Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext> Rendered() =>
            Task.FromResult(new Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext(page, [], null, model) { Result = new PageResult() });
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext Executing() => new(page, [], null, new Dictionary<string, object?>(), model);

        var forgot = await Assert.ThrowsAsync<InvalidOperationException>(() => filter.OnPageHandlerExecutionAsync(Executing(), Rendered));
        Assert.Equal(AdminLookFilters.LookNotRecorded, forgot.Message);

        var customer = await Node.RegisterConsumer();
        await looks.AtCustomer(customer.CustomerId, "a test look");
        await filter.OnPageHandlerExecutionAsync(Executing(), Rendered);
        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
    }

    [ShowsPersonalData("a test page")]
    private sealed class PageShowingSomeone : PageModel;

    [Fact]
    public async Task A_refusal_or_a_redirect_needs_no_look()
    {
        var (http, _) = AdminRequest();
        var filter = new AdminLookFilters.EndpointFilter();

        var notFound = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>(Results.NotFound()));

        Assert.NotNull(notFound);
    }

    [Fact]
    public async Task The_retention_outbox_masks_addresses_and_opening_one_is_recorded()
    {
        var customer = await Node.RegisterConsumer();
        var noticeId = await QueueNotice(Node, customer);
        try
        {
            using var admin = await Node.LoginAsAdmin(api: false);
            var before = await Count(Subject.Customer(customer.CustomerId));

            var page = await admin.GetStringAsync($"/Admin/Retention/Notices/{noticeId}");

            Assert.Contains(customer.Email, page);
            Assert.Equal(before + 1, await Count(Subject.Customer(customer.CustomerId)));
            Assert.Equal("c•••@•••.test", MyStamp.Web.Retention.AdminRetentionModel.Mask(customer.Email));
        }
        finally
        {
            await TestDatabase.Scalar<int>("WITH gone AS (DELETE FROM mail_outbox WHERE mail_id = @id RETURNING 1) SELECT count(*)::int FROM gone", ("id", noticeId));
        }
    }

    // ----- the scenarios: one per route that shows personal data -----

    /// <summary>Whose trail a look lands in: a customer's, or the own trail of a request whose requester has no account.</summary>
    public sealed record Subject(Guid? CustomerId, Guid? RequestId)
    {
        public static Subject Customer(Guid id) => new(id, null);
        public static Subject Request(Guid id) => new(null, id);
    }

    public sealed record Scenario(Subject Subject, Func<Task<HttpResponseMessage>> Call);

    private static readonly Dictionary<string, Func<PersonalDataLookTests, Task<Scenario>>> Scenarios = new()
    {
        ["GET /admin/customers/{customerId:guid}"] = async test =>
        {
            var customer = await test.Node.RegisterConsumer();
            return new(Subject.Customer(customer.CustomerId), () => test.AdminPage($"/admin/customers/{customer.CustomerId}"));
        },
        ["GET /api/admin/orders/{id:guid}"] = async test =>
        {
            var (customerId, orderId, _) = await test.PaidOrder();
            return new(Subject.Customer(customerId), () => test.Admin.GetAsync($"/api/admin/orders/{orderId}"));
        },
        ["GET /Admin/Orders/{id:guid}"] = async test =>
        {
            var (customerId, orderId, _) = await test.PaidOrder();
            return new(Subject.Customer(customerId), () => test.AdminPage($"/Admin/Orders/{orderId}"));
        },
        ["GET /Admin/Orders/Print"] = async test =>
        {
            var (customerId, orderId, _) = await test.PaidOrder();
            // Printed: a status no other test leaves orders in for long, and the production batch does not touch.
            await OrdersWorld.MoveAsAdmin(test.Admin, orderId, "InProduction");
            await OrdersWorld.MoveAsAdmin(test.Admin, orderId, "Printed");
            return new(Subject.Customer(customerId), () => test.AdminPage("/Admin/Orders/Print?status=Printed"));
        },
        ["GET /api/designs/{id:guid}/preview.png"] = async test =>
        {
            var (customerId, designId) = await test.Design();
            return new(Subject.Customer(customerId), () => test.Admin.GetAsync($"/api/designs/{designId}/preview.png"));
        },
        ["GET /api/designs/{id:guid}/sheet.pdf"] = async test =>
        {
            var (customerId, designId) = await test.Design();
            return new(Subject.Customer(customerId), () => test.Admin.GetAsync($"/api/designs/{designId}/sheet.pdf"));
        },
        ["GET /api/designs/{id:guid}/photo.jpg"] = async test =>
        {
            var (customerId, designId) = await test.Design();
            return new(Subject.Customer(customerId), () => test.Admin.GetAsync($"/api/designs/{designId}/photo.jpg"));
        },
        ["GET /api/admin/privacy/requests/{id:guid}"] = async test =>
        {
            var requestId = await test.RequestWithoutAccount();
            return new(Subject.Request(requestId), () => test.Admin.GetAsync($"/api/admin/privacy/requests/{requestId}"));
        },
        ["GET /Admin/Privacy/Requests/{id:guid}"] = async test =>
        {
            var requestId = await test.RequestWithoutAccount();
            return new(Subject.Request(requestId), () => test.AdminPage($"/Admin/Privacy/Requests/{requestId}"));
        },
        ["POST /Admin/Privacy/Requests/{id:guid}"] = async test =>
        {
            // A decision the request refuses (a rejection needs its ground) shows the page again, with the request.
            var requestId = await test.RequestWithoutAccount();
            var admin = await test.Node.LoginAsAdmin(api: false);
            // The form's token comes from the page, itself a look: taken before the count starts.
            var token = await FormToken(admin, $"/Admin/Privacy/Requests/{requestId}");
            return new(Subject.Request(requestId), () => admin.PostAsync($"/Admin/Privacy/Requests/{requestId}", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["decision"] = "Reject", ["reason"] = "", ["__RequestVerificationToken"] = token })));
        },
        ["GET /api/admin/privacy/requests/{id:guid}/identity-document"] = async test =>
        {
            var requestId = await test.RequestWithoutAccount();
            return new(Subject.Request(requestId), () => test.Admin.GetAsync($"/api/admin/privacy/requests/{requestId}/identity-document"));
        },
        ["POST /api/admin/privacy/requests/{id:guid}/decision"] = async test =>
        {
            var requestId = await test.RequestWithoutAccount();
            return new(Subject.Request(requestId), () => test.Admin.PostAsJsonAsync($"/api/admin/privacy/requests/{requestId}/decision",
                new { decision = "AskMoreProof", reason = "The card number is still readable." }));
        },
        ["GET /api/admin/privacy/requests/{id:guid}/access-report.pdf"] = async test =>
        {
            var (customerId, requestId) = await test.RequestOfCustomer();
            return new(Subject.Customer(customerId), () => test.Admin.GetAsync($"/api/admin/privacy/requests/{requestId}/access-report.pdf"));
        },
        ["GET /api/admin/privacy/requests/{id:guid}/export"] = async test =>
        {
            var (customerId, requestId) = await test.RequestOfCustomer();
            return new(Subject.Customer(customerId), () => test.Admin.GetAsync($"/api/admin/privacy/requests/{requestId}/export"));
        },
        ["POST /api/admin/privacy/objections"] = async test =>
        {
            var customer = await test.Node.RegisterConsumer();
            return new(Subject.Customer(customer.CustomerId), () => test.Admin.PostAsJsonAsync("/api/admin/privacy/objections",
                new { customerId = customer.CustomerId, channel = "Post" }));
        },
        ["POST /api/admin/privacy/audience-exports"] = async test =>
        {
            var customer = await test.Node.RegisterConsumer();
            return new(Subject.Customer(customer.CustomerId), () => test.Admin.PostAsJsonAsync("/api/admin/privacy/audience-exports",
                new { channel = "Post", subject = "Autumn", message = "The same letter for everyone." }));
        },
        ["POST /Admin/Privacy#Audience"] = async test =>
        {
            var customer = await test.Node.RegisterConsumer();
            var admin = await test.Node.LoginAsAdmin(api: false);
            return new(Subject.Customer(customer.CustomerId), () => admin.PostForm("/Admin/Privacy?handler=Audience",
                new Dictionary<string, string> { ["channel"] = "Phone", ["subject"] = "Autumn", ["message"] = "The same call script for everyone." }));
        },
        ["GET /Admin/Retention/Notices/{noticeId:guid}"] = async test =>
        {
            var customer = await test.Node.RegisterConsumer();
            var noticeId = await QueueNotice(test.Node, customer);
            return new(Subject.Customer(customer.CustomerId), () => test.AdminPage($"/Admin/Retention/Notices/{noticeId}"));
        },
    };

    // ----- helpers -----

    private async Task<HttpResponseMessage> AdminPage(string path)
    {
        using var admin = await Node.LoginAsAdmin(api: false);
        return await admin.GetAsync(path);
    }

    private static async Task<string> FormToken(TestClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, $"{path} renders no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    private async Task<(Guid CustomerId, Guid DesignId)> Design()
    {
        var customer = await Node.NewCustomer();
        return (customer.AccountId, await Designs.Upload(customer));
    }

    private async Task<(Guid CustomerId, Guid OrderId, Guid DesignId)> PaidOrder()
    {
        var customer = await Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        var orderId = await OrdersWorld.PlaceOrder(customer, designId);
        Assert.Equal(HttpStatusCode.OK, (await customer.PostAsync($"/api/orders/{orderId}/pay", null)).StatusCode);
        return (customer.AccountId, orderId, designId);
    }

    private const string Redactions = """[{"x":20,"y":40,"width":110,"height":140}]""";

    private async Task<Guid> RequestWithoutAccount()
    {
        using var anonymous = Node.CreateApiClient();
        using var response = await anonymous.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm("Access", "Jan", "Peeters", $"jan.{Guid.NewGuid():N}@example.be", PrivacyTestFiles.IdentityCardJpeg(), Redactions));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<SubmittedRequest>()).RequestId;
    }

    private async Task<(Guid CustomerId, Guid RequestId)> RequestOfCustomer()
    {
        var customer = await PrivacyTestUsers.RegisterCustomer(Node, "Sofie");
        using var response = await customer.Client.PostAsync("/api/privacy/requests",
            PrivacyTestFiles.RequestForm("Access", "Sofie", "Peeters", customer.Email, null, null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (customer.Id, (await response.Read<SubmittedRequest>()).RequestId);
    }

    /// <summary>
    /// An erasure notice waiting in the mail outbox (address sealed), as the customer's retention queues it thirty days
    /// ahead, but due tomorrow: every node of the run delivers at once to smtp4dev, and the page shows waiting notices.
    /// </summary>
    private static async Task<Guid> QueueNotice(MyStampNode node, TestAccount customer)
    {
        var eraseOn = DateTimeOffset.UtcNow.AddDays(30);
        await node.Services.GetRequiredService<IMailOutbox>().Enqueue(new OutgoingMail(customer.CustomerId, "erasure-notice", customer.Email,
            new RenderedMail("Your data will be erased", "Order again or download your data."),
            $"erasure-notice:{customer.CustomerId}:{eraseOn.UtcDateTime:O}", NotBefore: DateTimeOffset.UtcNow.AddDays(1)));
        return await TestDatabase.Scalar<Guid>("SELECT mail_id FROM mail_outbox WHERE subject_id = @customer AND kind = 'erasure-notice'", ("customer", customer.CustomerId));
    }

    private static async Task<long> Count(Subject subject) => subject.CustomerId is { } customerId
        ? await TestDatabase.Scalar<long>("SELECT count(*) FROM audit_personal_data_views WHERE customer_id = @id", ("id", customerId))
        : await TestDatabase.Scalar<long>("SELECT count(*) FROM privacy_request_audit WHERE request_id = @id AND action = @action",
            ("id", subject.RequestId!.Value), ("action", LookedAt));

    private (DefaultHttpContext Http, AdminLooks Looks) AdminRequest()
    {
        var accessor = new HttpContextAccessor();
        var looks = new AdminLooks(Node.Grains, accessor);
        var services = new ServiceCollection().AddSingleton(looks).BuildServiceProvider();
        var http = new DefaultHttpContext
        {
            RequestServices = services,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, fixture.Admin.AccountId.ToString()), new Claim(ClaimTypes.Role, MyStamp.Web.Security.Roles.Admin)], "test")),
        };
        accessor.HttpContext = http;
        return (http, looks);
    }

    /// <summary>
    /// Every route of the app with its declaration: minimal-API endpoints by their metadata, pages by the attributes of
    /// their page model and of each handler method (a handler may show personal data on a page that otherwise does not).
    /// Admin routes: under /admin and /api/admin, or requiring the admin policy.
    /// </summary>
    private async Task<IReadOnlyList<DeclaredRoute>> DeclaredRoutes()
    {
        var loader = Node.Services.GetRequiredService<PageLoader>();
        var routes = new List<DeclaredRoute>();
        foreach (var endpoint in Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.Any(metadata => metadata.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor"))
            {
                continue;
            }
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var inAdminArea = route.Equals("/admin", StringComparison.OrdinalIgnoreCase)
                || route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/api/admin/", StringComparison.OrdinalIgnoreCase);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var model = compiled.ModelTypeInfo ?? compiled.HandlerTypeInfo;
                var isAdmin = inAdminArea || compiled.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == MyStamp.Web.Security.Roles.AdminPolicy)
                    || model.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Policy == MyStamp.Web.Security.Roles.AdminPolicy);
                // One entry per handler: "POST /route#Name" for a named one; a page without a GET handler still answers GET.
                foreach (var handler in compiled.HandlerMethods)
                {
                    var key = $"{handler.HttpMethod.ToUpperInvariant()} {route}{(string.IsNullOrEmpty(handler.Name) ? "" : "#" + handler.Name)}";
                    routes.Add(new DeclaredRoute(key, isAdmin, AdminLookFilters.DeclarationOf(model, handler.MethodInfo)));
                }
                if (!compiled.HandlerMethods.Any(handler => handler.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(handler.Name)))
                {
                    routes.Add(new DeclaredRoute($"GET {route}", isAdmin, AdminLookFilters.DeclarationOf(model, null)));
                }
                continue;
            }
            var isAdminEndpoint = inAdminArea || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == MyStamp.Web.Security.Roles.AdminPolicy);
            var endpointDeclaration = endpoint.Metadata.GetMetadata<IPersonalDataDeclaration>();
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (method is "HEAD" or "OPTIONS")
                {
                    continue;
                }
                routes.Add(new DeclaredRoute($"{method} {route}", isAdminEndpoint, endpointDeclaration));
            }
        }
        return routes.DistinctBy(route => route.Key).ToList();
    }
}
