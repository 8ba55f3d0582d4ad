using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Browser.Tests.Account;

/// <summary>
/// The mailed links in a real browser, each taken from the mail smtp4dev received: verifying the address, and a
/// forgotten password. The node listens on a port of its own, so the browser opens the link's path on it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MailLinkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_customer_verifies_the_address_from_the_link_in_the_mail()
    {
        var account = await browser.Node.RegisterUnverified(Accounts.ConsumerRegistration());
        var page = await browser.NewPage();
        await SignIn(page, account.Email, account.Password);
        await page.GotoAsync("/Account/Profile");
        await Assertions.Expect(page.GetByTestId("email-unverified")).ToBeVisibleAsync();

        var link = (await MailInbox.VerificationMail(account.Email)).Link("/Account/VerifyEmail");
        await page.GotoAsync(link.PathAndQuery);

        await Assertions.Expect(page.GetByTestId("email-verified")).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Profile");
        await Assertions.Expect(page.GetByTestId("email-unverified")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_customer_who_forgot_the_password_chooses_a_new_one_from_the_link_in_the_mail()
    {
        var account = await browser.Node.RegisterConsumer();
        var page = await browser.NewPage();
        await page.GotoAsync("/Account/Login");
        await page.GetByTestId("forgot-password").ClickAsync();
        await page.FillAsync("#email", account.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mail me a link" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-requested")).ToBeVisibleAsync();

        var link = (await MailInbox.ResetMail(account.Email)).Link("/Account/ResetPassword");
        await page.GotoAsync(link.PathAndQuery);
        const string newPassword = "lantern orchard quietly 58";
        await page.FillAsync("#new-password", newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Profile**");

        // The link worked once: a second visit is refused, and the new password signs in elsewhere.
        var again = await browser.NewPage();
        await again.GotoAsync(link.PathAndQuery);
        await again.FillAsync("#new-password", "another lantern orchard 77");
        await again.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Assertions.Expect(again.GetByTestId("reset-link-invalid")).ToBeVisibleAsync();
        await SignIn(again, account.Email, newPassword);
    }

    private static async Task SignIn(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }
}
