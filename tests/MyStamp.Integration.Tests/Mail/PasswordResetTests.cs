using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace MyStamp.Integration.Tests.Mail;

/// <summary>
/// A forgotten password: a single-use link, valid for one hour, mailed only to an address that has an account, while
/// the answer is the same for any address. The new password ends every other session.
/// </summary>
public sealed class PasswordResetTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private MyStampNode _node = null!;

    // A database of its own: the clock moves an hour ahead, and every node of a database shares one Quartz store.
    public async Task InitializeAsync() => _node = await MyStampNode.StartAlone("password-reset", clock: _clock);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task The_reset_link_sets_a_new_password_once_and_signs_every_other_session_out()
    {
        var account = await _node.RegisterConsumer();
        using var elsewhere = await _node.Login(account);

        using var anonymous = _node.CreateApiClient();
        using var asked = await anonymous.PostAsJsonAsync("/api/account/password/forgot", new { email = account.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var mail = await MailInbox.ResetMail(account.Email);
        var token = mail.Token("/Account/ResetPassword");
        Assert.DoesNotContain(account.Email, mail.Link("/Account/ResetPassword").ToString(), StringComparison.OrdinalIgnoreCase);

        // A password the rule refuses does not use the link up.
        using var weak = await anonymous.PostAsJsonAsync("/api/account/password/reset", new { token, newPassword = "password1234" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));

        const string newPassword = "violet tractor mountain lake";
        using var reset = await anonymous.PostAsJsonAsync("/api/account/password/reset", new { token, newPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/account/me")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _node.Login(account));
        using var signedIn = await _node.Login(account.Email, newPassword);

        using var again = await _node.CreateApiClient().PostAsJsonAsync("/api/account/password/reset", new { token, newPassword = "another long pass phrase here" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("token", out _));
    }

    [Fact]
    public async Task The_link_expires_after_an_hour()
    {
        var account = await _node.RegisterConsumer();
        using var anonymous = _node.CreateApiClient();
        (await anonymous.PostAsJsonAsync("/api/account/password/forgot", new { email = account.Email })).Dispose();
        var token = (await MailInbox.ResetMail(account.Email)).Token("/Account/ResetPassword");

        _clock.Advance(TimeSpan.FromMinutes(61));

        using var late = await anonymous.PostAsJsonAsync("/api/account/password/reset", new { token, newPassword = "violet tractor mountain lake" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.True((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("token", out _));
        using var stillOld = await _node.Login(account);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var account = await _node.RegisterConsumer();
        var unknown = Accounts.NewEmail("nobody");
        using var anonymous = _node.CreateApiClient();

        using var forKnown = await anonymous.PostAsJsonAsync("/api/account/password/forgot", new { email = account.Email });
        using var forUnknown = await anonymous.PostAsJsonAsync("/api/account/password/forgot", new { email = unknown });

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        await MailInbox.ResetMail(account.Email);
        // The known address's mail has arrived: one for the unknown address, queued at the same moment, would have too.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await MailInbox.To(unknown));
    }
}
