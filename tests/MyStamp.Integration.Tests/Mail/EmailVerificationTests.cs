using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MyStamp.Integration.Tests.Mail;

/// <summary>
/// Registration mails a link that verifies the address; until then the customer may sign in but not order; a new
/// address is verified again. Every mail is read from the run's smtp4dev, as delivered.
/// </summary>
public class EmailVerificationTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task Registration_mails_a_link_that_verifies_the_address_once()
    {
        var account = await Node.RegisterUnverified(Accounts.ConsumerRegistration());
        using var client = await Node.Login(account);
        Assert.False((await Me(client)).GetProperty("emailVerified").GetBoolean());

        var mail = await MailInbox.VerificationMail(account.Email);
        Assert.Contains("Ann", mail.Body);
        var link = mail.Link("/Account/VerifyEmail");
        // A random token only: nothing about the person in the link.
        Assert.DoesNotContain(account.Email, link.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(account.CustomerId.ToString(), link.ToString(), StringComparison.OrdinalIgnoreCase);

        using var browser = Node.CreatePageClient();
        var page = await browser.GetStringAsync(link.PathAndQuery);
        Assert.Contains("data-testid=\"email-verified\"", page);
        Assert.True((await Me(client)).GetProperty("emailVerified").GetBoolean());

        var again = await browser.GetStringAsync(link.PathAndQuery);
        Assert.Contains("data-testid=\"email-not-verified\"", again);
    }

    [Fact]
    public async Task An_unverified_customer_can_sign_in_and_design_but_ordering_says_to_verify_first()
    {
        var account = await Node.RegisterUnverified(Accounts.ConsumerRegistration());
        using var customer = await Node.Login(account);
        var designId = await Designs.Approved(customer, fixture.Admin);

        using var refused = await customer.PostAsJsonAsync("/api/orders", new { designId, tariff = "BelgiumPrior", sheets = 1, controllerAttestation = true });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Verify your e-mail address first", await refused.Content.ReadAsStringAsync());

        await Node.FollowVerificationLink(account.Email);
        using var placed = await customer.PostAsJsonAsync("/api/orders", new { designId, tariff = "BelgiumPrior", sheets = 1, controllerAttestation = true });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
    }

    [Fact]
    public async Task The_order_page_says_to_verify_first_before_anything_is_filled_in_and_sends_the_link_again()
    {
        var account = await Node.RegisterUnverified(Accounts.ConsumerRegistration());
        await MailInbox.VerificationMail(account.Email);
        using var browser = await Node.Login(account, api: false);

        var form = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/Orders/New"));
        Assert.Contains("data-testid=\"verify-email-first\"", form, StringComparison.Ordinal);
        Assert.Contains("Your e-mail address is not verified yet: open the link we mailed to it before you order.", form, StringComparison.Ordinal);
        // Before the form: the notice comes first, not after a refused submit.
        Assert.True(form.IndexOf("verify-email-first", StringComparison.Ordinal) < form.IndexOf("data-testid=\"order-form\"", StringComparison.Ordinal));

        using var resent = await browser.PostForm("/Orders/New", new Dictionary<string, string> { ["returnUrl"] = "/Orders/New?verificationSent=true" }, action: "/Account/ResendVerification");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal("/Orders/New?verificationSent=true", resent.Headers.Location?.OriginalString);
        Assert.Contains("We have just mailed you a new link.", await browser.GetStringAsync("/Orders/New?verificationSent=true"), StringComparison.Ordinal);

        await Node.FollowVerificationLink(account.Email, mailCount: 2);
        Assert.DoesNotContain("verify-email-first", await browser.GetStringAsync("/Orders/New"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_address_is_verified_again_and_the_old_link_verifies_nothing()
    {
        var account = await Node.RegisterUnverified(Accounts.ConsumerRegistration());
        var firstLink = (await MailInbox.VerificationMail(account.Email)).Link("/Account/VerifyEmail");
        using var customer = await Node.Login(account);

        var profile = JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>((await Me(customer)).GetRawText())!;
        var newEmail = Accounts.NewEmail("moved");
        profile["email"] = newEmail;
        profile.Remove("customerId");
        profile.Remove("registeredAt");
        profile.Remove("objections");
        profile.Remove("emailVerified");
        profile.Remove("language");
        using var rectified = await customer.PutAsJsonAsync("/api/account/me", profile, Accounts.Json);
        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);

        using var browser = Node.CreatePageClient();
        Assert.Contains("data-testid=\"email-not-verified\"", await browser.GetStringAsync(firstLink.PathAndQuery));
        Assert.False((await Me(customer)).GetProperty("emailVerified").GetBoolean());

        await Node.FollowVerificationLink(newEmail);
        Assert.True((await Me(customer)).GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_signed_in_customer_can_have_the_link_sent_again()
    {
        var account = await Node.RegisterUnverified(Accounts.ConsumerRegistration());
        await MailInbox.VerificationMail(account.Email);
        using var customer = await Node.Login(account);

        using var resent = await customer.PostAsync("/api/account/verify-email/resend", null);
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);

        await Node.FollowVerificationLink(account.Email, mailCount: 2);
        using var already = await customer.PostAsync("/api/account/verify-email/resend", null);
        Assert.Equal(HttpStatusCode.Conflict, already.StatusCode);
    }

    private static async Task<JsonElement> Me(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/account/me");
}
