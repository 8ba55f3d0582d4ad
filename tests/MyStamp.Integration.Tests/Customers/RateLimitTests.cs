using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>ASP.NET Core's rate limiter caps registrations and sign-ins per client address.</summary>
public class RateLimitTests : IAsyncLifetime
{
    private MyStampNode _node = null!;

    public Task InitializeAsync()
    {
        _node = new MyStampNode(settings: new Dictionary<string, string?>
        {
            ["Accounts:RateLimits:SignInPermits"] = "3",
            ["Accounts:RateLimits:SignInWindow"] = "01:00:00",
            ["Accounts:RateLimits:RegisterPermits"] = "2",
            ["Accounts:RateLimits:RegisterWindow"] = "01:00:00",
        }).Start();
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
        Assert.NotNull((await refused.Content.ReadFromJsonAsync<JsonObject>(Accounts.Json))!["title"]);
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
}
