using System.Net;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>
/// An admin's sign-out ends the admin's session everywhere: a copy of an admin cookie could read everyone's personal
/// data. A class (and node) of its own, since it signs out the node's one admin.
/// </summary>
public class AdminSignOutTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task An_admin_cookie_copied_before_sign_out_is_refused_after_it()
    {
        using var browser = await fixture.Node.LoginAsAdmin();
        var copied = browser.Cookies["mystamp.auth"];
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(copied, "/api/admin/orders")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(copied, "/api/admin/orders")).StatusCode);
        using var again = await fixture.Node.LoginAsAdmin();
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/admin/orders")).StatusCode);
    }

    private async Task<HttpResponseMessage> WithCookie(string authCookie, string path)
    {
        using var client = fixture.Node.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"mystamp.auth={authCookie}");
        return await client.SendAsync(request);
    }
}
