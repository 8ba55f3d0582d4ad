using System.Net;
using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Orders;
using MyStamp.Studio.Tests;

namespace MyStamp.Browser.Tests.Journey;

/// <summary>
/// A new customer, from the home page alone and clicking only, reaches a paid order and watches it move: in Dutch and
/// in French, as a Belgian browser set to either asks. Only the moderation (an admin's approval) and the production
/// step happen outside the customer's browser, through the admin API.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FirstOrderJourneyTests(BrowserFixture browser)
{
    public sealed record Words(
        string Locale, string Lang, string Start, string Register, string MakeStamp, string Upload, string SaveCrop, string Saved,
        string SubmitCrop, string OrderThisStamp, string PlaceOrder, string Paid, string BeingPrinted, string Verified, string Confirmed);

    public static TheoryData<Words> Languages() => new()
    {
        new Words("nl-BE", "nl", "Maak je postzegel", "Registreren", "Maak je postzegel", "Opladen", "Uitsnede opslaan", "Opgeslagen",
            "Deze uitsnede indienen", "Deze postzegel bestellen", "Bestelling plaatsen", "Betaald", "Wordt gedrukt",
            "je e-mailadres is bevestigd", "is bevestigd"),
        new Words("fr-BE", "fr", "Créez votre timbre", "S'inscrire", "Créez votre timbre", "Charger", "Enregistrer le recadrage", "Enregistré",
            "Soumettre ce recadrage", "Commander ce timbre", "Passer la commande", "Payée", "En cours d'impression",
            "votre adresse e-mail est confirmée", "est confirmée"),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_new_customer_goes_from_the_home_page_to_a_paid_order_and_sees_it_move_live(Words words)
    {
        var page = await browser.NewPage(words.Locale);
        using var admin = await browser.Node.LoginAsAdmin();

        // The home page says what MyStamp is, in the browser's language, and starts the journey.
        await page.GotoAsync("/");
        Assert.Equal(words.Lang, await page.GetAttributeAsync("html", "lang"));
        await page.GetByTestId("start").ClickAsync();

        var email = Accounts.NewEmail("journey");
        await page.WaitForURLAsync("**/Account/Register");
        await page.FillAsync("#firstName", "Lies");
        await page.FillAsync("#lastName", "Dubois");
        await page.FillAsync("#email", email);
        await page.SelectOptionAsync("#gender", "Female");
        await page.FillAsync("#street", "Rue Haute");
        await page.FillAsync("#houseNumber", "12");
        await page.FillAsync("#postalCode", "1000");
        await page.FillAsync("#city", "Bruxelles");
        await page.FillAsync("#password", Accounts.DefaultPassword);
        await page.CheckAsync("input[name=AcceptPolicy]");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Register, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Profile**");
        await VerifyTheEmailAddress(page, email, words);

        // Upload, crop, submit.
        await page.GetByRole(AriaRole.Link, new() { Name = words.MakeStamp }).First.ClickAsync();
        await page.WaitForURLAsync("**/Studio/Upload");
        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.CameraJpeg(1600, 1200) });
        await page.SelectOptionAsync("#format", "Square");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Upload, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Studio/Design/*", new() { Timeout = 30_000 });
        var designId = Guid.Parse(page.Url.Split('/')[^1]);
        await page.WaitForFunctionAsync("() => document.getElementById('photo').complete && document.getElementById('photo').naturalWidth > 0");
        await page.GetByRole(AriaRole.Button, new() { Name = words.SaveCrop }).ClickAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync(words.Saved, new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = words.SubmitCrop }).ClickAsync();
        await page.WaitForLoadStateAsync();

        // The moderation approves it (an admin, elsewhere); the customer's design page then offers to order it.
        await Designs.Approve(admin, designId);
        await page.ReloadAsync();
        await page.GetByTestId("order-this-stamp").ClickAsync();
        await page.WaitForURLAsync("**/Orders/New**");
        await page.CheckAsync("#tariff-BelgiumPrior");
        await page.GetByTestId("sheets").FillAsync("2");
        await page.GetByTestId("controller-attestation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = words.PlaceOrder }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Orders/[0-9a-f-]{36}$"));
        var orderId = Guid.Parse(page.Url.Split('/')[^1]);

        // Pay, then watch production start without reloading.
        await page.GetByTestId("pay").ClickAsync();
        var status = page.GetByTestId("order-status");
        await Assertions.Expect(status).ToHaveTextAsync(words.Paid, new() { Timeout = 10_000 });
        await page.GetByTestId("live-indicator").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        using (var moved = await OrdersWorld.MoveAsAdmin(admin, orderId, "InProduction"))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }
        await Assertions.Expect(status).ToHaveTextAsync(words.BeingPrinted, new() { Timeout = 30_000 });
        Assert.Equal(words.Lang, await page.GetAttributeAsync("html", "lang"));

        // The confirmation e-mail arrived, in the customer's language, and leads back to the order.
        var orderNumber = orderId.ToString("N")[..8].ToUpperInvariant();
        var confirmation = await MailInbox.WaitFor(email, mail => mail.Subject.Contains(orderNumber, StringComparison.Ordinal));
        Assert.Contains(words.Confirmed, confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains($"/Orders/{orderId}", confirmation.Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Opens the link of the verification e-mail that smtp4dev received for <paramref name="email"/>, as the customer
    /// would from their mailbox (an unverified account cannot order), then goes back to where they were.
    /// </summary>
    private static async Task VerifyTheEmailAddress(IPage page, string email, Words words)
    {
        var from = page.Url;
        var link = (await MailInbox.VerificationMail(email)).Link("/Account/VerifyEmail");
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByTestId("email-verified")).ToContainTextAsync(words.Verified);
        await page.GotoAsync(from);
    }
}
