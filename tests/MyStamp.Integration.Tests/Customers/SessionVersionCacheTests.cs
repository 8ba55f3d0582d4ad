using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Orders;
using MyStamp.Web.Security;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>
/// Each node remembers session versions for a short while (SessionVersions.Lifetime) instead of asking the customer
/// grain on every request. The bound holds: a cookie signed out on one node is refused there at once, and on the
/// other node within the lifetime, even when that node had just accepted it.
/// </summary>
public class SessionVersionCacheTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    [Fact]
    public async Task A_cookie_signed_out_on_node_A_stops_working_on_node_B_within_the_lifetime()
    {
        using var onA = await nodes.NodeA.NewCustomer();
        using var onB = onA.On(nodes.NodeB);
        // Node B has just checked this cookie: it remembers the version.
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await onA.PostAsync("/api/account/logout", null)).StatusCode);

        var refusedAfter = await FirstRefusal(onB, SessionVersions.Lifetime * 3);
        Assert.True(refusedAfter <= SessionVersions.Lifetime + TimeSpan.FromSeconds(1),
            $"node B still accepted the signed-out cookie {refusedAfter.TotalSeconds:0.0} s after the sign-out");
        // And it stays refused: no later answer brings the old version back.
        await Task.Delay(SessionVersions.Lifetime);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task On_the_node_that_ended_the_sessions_a_copy_is_refused_at_once_even_when_it_was_just_checked()
    {
        var account = await nodes.NodeA.RegisterConsumer();
        using var laptop = await nodes.NodeA.Login(account);
        using var phone = await nodes.NodeA.Login(account);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.PostAsync("/api/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_keeps_this_browser_signed_in_on_a_node_that_remembered_the_old_version()
    {
        var account = await nodes.NodeA.RegisterConsumer();
        using var laptop = await nodes.NodeA.Login(account);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/account/me")).StatusCode);

        var changed = await laptop.PostAsJsonAsync("/api/account/password", new { currentPassword = account.Password, newPassword = "a much better passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/account/me")).StatusCode);
    }

    /// <summary>How long after now the client's next requests start being refused (polling every 100 ms).</summary>
    private static async Task<TimeSpan> FirstRefusal(TestClient client, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if ((await client.GetAsync("/api/account/me")).StatusCode == HttpStatusCode.Unauthorized)
            {
                return clock.Elapsed;
            }
            await Task.Delay(100);
        }
        return TimeSpan.MaxValue;
    }
}
