using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>ASP.NET Core's rate limiter caps registrations, sign-ins and data-subject requests per client address.</summary>
public class RateLimitTests : IAsyncLifetime
{
    private MyStampNode _node = null!;

    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Accounts:RateLimits:SignInPermits"] = "3",
        ["Accounts:RateLimits:SignInWindow"] = "01:00:00",
        ["Accounts:RateLimits:RegisterPermits"] = "2",
        ["Accounts:RateLimits:RegisterWindow"] = "01:00:00",
        ["Accounts:RateLimits:DataSubjectRequestPermits"] = "2",
        ["Accounts:RateLimits:DataSubjectRequestWindow"] = "01:00:00",
    };

    public Task InitializeAsync()
    {
        _node = new MyStampNode(settings: Limits).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Sign_ins_beyond_the_limit_get_429_with_problem_details()
    {
        using var client = _node.CreateApiClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostAsJsonAsync("/api/account/login", new { email = Accounts.NewEmail(), password = "whatever password" }, Accounts.Json);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/account/login", new { email = Accounts.NewEmail(), password = "whatever password" }, Accounts.Json);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty((await refused.ReadProblem()).Title));
        // Reading the sign-in page is not limited; posting it is.
        using var page = _node.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Registrations_beyond_the_limit_get_429()
    {
        using var client = _node.CreateApiClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/account/register", Accounts.ConsumerRegistration(), Accounts.Json);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Data_subject_requests_without_an_account_beyond_the_limit_get_429_before_any_document_is_decoded()
    {
        // Anyone may file a request, each with an identity document to decode: an address gets a few, not thousands.
        using var anonymous = _node.CreateApiClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var form = MyStamp.Integration.Tests.Privacy.PrivacyTestFiles.RequestForm("Access", "Jan", "Peeters", Accounts.NewEmail(),
                MyStamp.Integration.Tests.Privacy.PrivacyTestFiles.IdentityCardJpeg(), """[{"x":20,"y":40,"width":110,"height":140}]""");
            using var response = await anonymous.PostAsync("/api/privacy/requests", form);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_load_balancer_each_customer_address_has_its_own_limit_and_a_direct_client_cannot_pick_one()
    {
        // A node on a real loopback port: its callers come from 127.0.0.1, as from a proxy on the same machine.
        await using var behindProxy = new MyStampNode(listenOnLoopback: true, settings: Limits).Start();
        using var proxy = new HttpClient { BaseAddress = behindProxy.ServerAddress };
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await SignInFrom(proxy, "203.0.113.7"));
        }
        var second = await SignInFrom(proxy, "203.0.113.8");
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, second);

        // A client from an address the node was not told about is not believed: however it varies
        // X-Forwarded-For, its fourth attempt is refused.
        await using var exposed = new MyStampNode(settings: Limits, configureServices: services =>
            services.AddTransient<IStartupFilter>(_ => new ConnectionFrom(IPAddress.Parse("192.0.2.10")))).Start();
        using var direct = exposed.CreateApiClient();
        var spoofed = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            spoofed.Add(await SignInFrom(direct, $"198.51.100.{i + 1}"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed[^1]);
    }

    private static async Task<HttpStatusCode> SignInFrom(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login")
        {
            Content = JsonContent.Create(new { email = Accounts.NewEmail(), password = "whatever password" }, options: Accounts.Json),
        };
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Gives every request the remote address of a client on the internet (the in-memory test server sets none).</summary>
    private sealed class ConnectionFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
