using System.Net;
using System.Net.Http.Json;
using MyStamp.Integration.Tests.Orders;
using MyStamp.Integration.Tests.Privacy;

namespace MyStamp.Integration.Tests.Mail;

/// <summary>Mails are written in the customer's (or requester's) language, with Belgian dates and amounts.</summary>
public class MailLanguageTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Registering_in_French_mails_the_verification_link_in_French()
    {
        var body = Accounts.ConsumerRegistration();
        var email = (string)body["email"]!;
        using var client = fixture.Node.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/register") { Content = JsonContent.Create(body, options: Accounts.Json) };
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("fr-BE");
        using var registered = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var mail = await MailInbox.VerificationMail(email);
        Assert.Equal("Confirmez votre adresse e-mail pour MyStamp", mail.Subject);
        Assert.Contains("Bonjour Ann", mail.Body);
    }

    [Fact]
    public async Task A_customer_who_chose_Dutch_gets_the_order_confirmation_in_Dutch_with_the_amount_in_Belgian_Dutch()
    {
        var account = await fixture.Node.RegisterConsumer();
        using var customer = await fixture.Node.Login(account);
        using var chosen = await customer.PutAsJsonAsync("/api/account/language", new { language = "Dutch" });
        Assert.Equal(HttpStatusCode.NoContent, chosen.StatusCode);
        var orderId = await OrdersWorld.PlaceOrder(customer, await Designs.Approved(customer, fixture.Admin), tariff: "BelgiumPrior", sheets: 1);

        await OrdersWorld.Advance(customer, fixture.Admin, orderId, "Paid");

        var number = orderId.ToString("N")[..8].ToUpperInvariant();
        var confirmation = await MailInbox.WaitFor(account.Email, mail => mail.Subject.Contains(number, StringComparison.Ordinal));
        Assert.Equal($"Je MyStamp-bestelling {number} is bevestigd", confirmation.Subject);
        // 23.50 per sheet plus 21 % VAT: € 28,44, as Belgian Dutch writes it.
        Assert.Contains("€ 28,44", confirmation.Body);
    }

    [Fact]
    public async Task A_request_filed_in_German_is_answered_in_German()
    {
        var email = $"antrag-{Guid.NewGuid():N}@example.de";
        using var anonymous = fixture.Node.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/privacy/requests")
        {
            Content = PrivacyTestFiles.RequestForm("Erasure", "Jonas", "Weber", email, PrivacyTestFiles.IdentityCardJpeg(), """[{"x":20,"y":40,"width":110,"height":140}]"""),
        };
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("de-BE");
        using var submitted = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        var receipt = await MailInbox.WaitFor(email);
        Assert.StartsWith("Wir haben Ihren Antrag auf Löschung erhalten", receipt.Subject);
        Assert.Contains("Guten Tag Jonas", receipt.Body);
    }
}
