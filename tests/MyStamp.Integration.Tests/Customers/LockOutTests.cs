using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>Guessing a password: after five wrong ones in a row the account is locked for fifteen minutes.</summary>
public class LockOutTests(ClockedNodeFixture fixture) : IClassFixture<ClockedNodeFixture>
{
    // Each test locks out an account of its own, so moving the shared clock on disturbs no other test.
    private readonly FakeTimeProvider _clock = fixture.Clock;
    private readonly MyStampNode _node = fixture.Node;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one_until_fifteen_minutes_pass()
    {
        var account = await _node.RegisterConsumer();
        using var client = _node.CreateApiClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await Login(client, account.Email, $"wrong password {i}"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Login(client, account.Email, account.Password));
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, await Login(client, account.Email, account.Password));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await Login(client, account.Email, account.Password));
    }

    [Fact]
    public async Task A_right_password_resets_the_count_of_wrong_ones()
    {
        var account = await _node.RegisterConsumer();
        using var client = _node.CreateApiClient();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await Login(client, account.Email, $"wrong password {i}"));
        }
        Assert.Equal(HttpStatusCode.OK, await Login(client, account.Email, account.Password));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await Login(client, account.Email, $"wrong password {i}"));
        }
        Assert.Equal(HttpStatusCode.OK, await Login(client, account.Email, account.Password));
    }

    private static async Task<HttpStatusCode> Login(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/account/login", new { email, password }, Accounts.Json);
        return response.StatusCode;
    }
}
