using System.Net;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Integration.Tests.Orders;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>
/// The admin console speaks the admin's language as the shop does: from the browser's Accept-Language, or the header's
/// switcher, with statuses and dates as customers read them. English stays what a browser set to English sees.
/// </summary>
public class AdminLanguageTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Theory]
    [InlineData("nl-BE", "nl", "Beheerconsole", "Moderatiewachtrij", "Toestand van de cluster")]
    [InlineData("fr-BE", "fr", "Console d'administration", "File de modération", "État du cluster")]
    [InlineData("de-BE", "de", "Verwaltungskonsole", "Moderationswarteschlange", "Zustand des Clusters")]
    [InlineData("en-GB", "en", "Admin console", "Moderation queue", "Cluster health")]
    public async Task The_console_home_is_in_the_browsers_language(string acceptLanguage, string lang, string heading, string moderationCard, string health)
    {
        using var admin = (await Node.LoginAsAdmin(api: false)).AskingFor(acceptLanguage);

        var home = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));

        Assert.Contains($"<html lang=\"{lang}\">", home, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", home, StringComparison.Ordinal);
        Assert.Contains(moderationCard, home, StringComparison.Ordinal);
        Assert.Contains(health, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_production_desk_shows_statuses_in_the_language_the_admin_switched_to()
    {
        using var customer = await Node.NewCustomer();
        var designId = await Designs.Approved(customer, fixture.Admin);
        var orderId = await OrdersWorld.PlaceOrder(customer, designId);
        using var admin = (await Node.LoginAsAdmin(api: false)).AskingFor("nl-BE");

        // The browser asks for Dutch; the switcher's French wins, on every admin page from now on.
        using var switched = await admin.PostForm("/admin", new Dictionary<string, string> { ["language"] = "fr", ["returnUrl"] = "/Admin/Orders" }, action: "/language");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var desk = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Orders?status=Submitted"));
        Assert.Contains("<html lang=\"fr\">", desk, StringComparison.Ordinal);
        Assert.Contains("<h1>Poste de production</h1>", desk, StringComparison.Ordinal);
        Assert.Contains("En attente de paiement", desk, StringComparison.Ordinal);
        // The next step reads as the customer reads it, never as the code name.
        Assert.Contains("→ Payée", desk, StringComparison.Ordinal);
        Assert.DoesNotContain(">Submitted<", desk, StringComparison.Ordinal);

        var order = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Orders/{orderId}"));
        Assert.Contains("<html lang=\"fr\">", order, StringComparison.Ordinal);
        Assert.Contains("L'ouverture de cette commande a été inscrite dans le journal d'audit du client.", order, StringComparison.Ordinal);
        Assert.Contains("par le client", order, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_moderation_and_customer_search_are_in_Dutch_for_a_Dutch_browser()
    {
        using var admin = (await Node.LoginAsAdmin(api: false)).AskingFor("nl-BE,nl;q=0.9");

        var retention = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Retention"));
        Assert.Contains("<html lang=\"nl\">", retention, StringComparison.Ordinal);
        Assert.Contains("<h1>Bewaring en wissing</h1>", retention, StringComparison.Ordinal);
        Assert.Contains("Nu controleren", retention, StringComparison.Ordinal);

        var moderation = WebUtility.HtmlDecode(await admin.GetStringAsync("/Studio/Review"));
        Assert.Contains("<html lang=\"nl\">", moderation, StringComparison.Ordinal);
        Assert.Contains("<h1>Te controleren ontwerpen</h1>", moderation, StringComparison.Ordinal);

        using var notFound = await admin.PostForm("/admin/customers", new Dictionary<string, string> { ["Query"] = Accounts.NewEmail("nobody") });
        var search = WebUtility.HtmlDecode(await notFound.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Een klant zoeken</h1>", search, StringComparison.Ordinal);
        Assert.Contains("Geen enkele klant heeft dit e-mailadres.", search, StringComparison.Ordinal);
    }
}
