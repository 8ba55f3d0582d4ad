using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>
/// Signing out ends the session, not only this browser's copy of the cookie: on a shared computer, a cookie copied
/// before sign-out (or a stolen one) is refused on its next request, on every node. So does a new password, and an
/// admin can sign a customer out everywhere.
/// </summary>
public class SignOutEverywhereTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        using var browser = await Node.NewCustomer();
        var copied = browser.Cookies["mystamp.auth"];
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(copied, "/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(copied, "/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_on_the_page_also_ends_the_copied_cookie()
    {
        var account = await Node.RegisterConsumer();
        using var browser = await Node.Login(account, api: false);
        var copied = browser.Cookies["mystamp.auth"];

        var signedOut = await browser.PostForm("/Account/Logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(copied, "/api/account/me")).StatusCode);
        // Signing in again works, with a cookie of the new session.
        using var again = await Node.Login(account);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_signs_out_every_other_browser_and_keeps_this_one()
    {
        var account = await Node.RegisterConsumer();
        using var laptop = await Node.Login(account);
        using var phone = await Node.Login(account);

        var changed = await laptop.PostAsJsonAsync("/api/account/password", new { currentPassword = account.Password, newPassword = "a much better passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/me")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Node.Login(account));
        using var withNew = await Node.Login(account.Email, "a much better passphrase");
        Assert.Equal(HttpStatusCode.OK, (await withNew.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_names_the_field()
    {
        var account = await Node.RegisterConsumer();
        using var browser = await Node.Login(account);

        var refused = await browser.PostAsJsonAsync("/api/account/password", new { currentPassword = "not my password", newPassword = "a much better passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("currentPassword", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/account/me")).StatusCode);
        using var withOld = await Node.Login(account);
    }

    [Fact]
    public async Task An_admin_can_end_every_session_of_a_customer()
    {
        var account = await Node.RegisterConsumer();
        using var laptop = await Node.Login(account);
        using var phone = await Node.Login(account);

        var ended = await fixture.Admin.PostAsync($"/api/admin/customers/{account.CustomerId}/end-sessions", null);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/account/me")).StatusCode);
        using var again = await Node.Login(account);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task The_customer_page_signs_a_customer_out_everywhere()
    {
        var account = await Node.RegisterConsumer();
        using var browser = await Node.Login(account);
        using var admin = await Node.LoginAsAdmin(api: false);

        var ended = await admin.PostForm($"/admin/customers/{account.CustomerId}?handler=EndSessions", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/account/me")).StatusCode);
    }

    /// <summary>A request carrying only a copy of the sign-in cookie, as another computer would send it.</summary>
    private async Task<HttpResponseMessage> WithCookie(string authCookie, string path)
    {
        using var client = Node.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"mystamp.auth={authCookie}");
        return await client.SendAsync(request);
    }
}
