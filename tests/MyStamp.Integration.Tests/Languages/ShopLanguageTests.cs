using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Languages;

/// <summary>
/// The shop speaks the visitor's language: Dutch, French, German or English from the browser's Accept-Language,
/// the header's switcher overriding it, and money in the Belgian style of each language.
/// </summary>
public class ShopLanguageTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Theory]
    [InlineData("nl-BE,nl;q=0.9", "nl", "Je foto op een echte postzegel", "Een account openen", "Vul je voornaam in.")]
    [InlineData("fr-BE,fr;q=0.9", "fr", "Votre photo sur un vrai timbre", "Ouvrir un compte", "Indiquez votre prénom.")]
    [InlineData("de-BE", "de", "Ihr Foto auf einer echten Briefmarke", "Ein Konto eröffnen", "Geben Sie Ihren Vornamen ein.")]
    [InlineData("en-GB", "en", "Your photo on a real stamp", "Open an account", "Enter your first name.")]
    public async Task The_home_page_the_register_form_and_its_errors_are_in_the_browsers_language(
        string acceptLanguage, string lang, string homeHeading, string registerHeading, string firstNameMissing)
    {
        using var visitor = Node.CreatePageClient().AskingFor(acceptLanguage);

        var home = WebUtility.HtmlDecode(await visitor.GetStringAsync("/"));
        Assert.Contains($"<html lang=\"{lang}\">", home, StringComparison.Ordinal);
        Assert.Contains(homeHeading, home, StringComparison.Ordinal);

        var register = WebUtility.HtmlDecode(await visitor.GetStringAsync("/Account/Register"));
        Assert.Contains($"<html lang=\"{lang}\">", register, StringComparison.Ordinal);
        Assert.Contains(registerHeading, register, StringComparison.Ordinal);

        using var refused = await visitor.PostForm("/Account/Register", new Dictionary<string, string> { ["Form.Email"] = "not an address" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(firstNameMissing, page, StringComparison.Ordinal);
        // The error is tied to its field for screen readers.
        Assert.Contains("id=\"firstName\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"error-firstName\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"error-firstName\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switcher_overrides_the_browsers_language_and_is_remembered()
    {
        using var visitor = Node.CreatePageClient().AskingFor("nl-BE");
        Assert.Contains("<html lang=\"nl\">", await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        using var switched = await visitor.PostForm("/", new Dictionary<string, string> { ["language"] = "fr", ["returnUrl"] = "/Account/Register" }, action: "/language");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/Register", switched.Headers.Location?.OriginalString);

        // The browser still asks for Dutch; the cookie wins, on every page from now on.
        var register = await visitor.GetStringAsync("/Account/Register");
        Assert.Contains("<html lang=\"fr\">", register, StringComparison.Ordinal);
        Assert.Contains("Ouvrir un compte", register, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switcher_cookie_is_declared_on_the_cookie_page_as_strictly_necessary()
    {
        using var visitor = Node.CreatePageClient();
        var cookies = await visitor.GetStringAsync("/Privacy/Cookies");
        Assert.Contains("mystamp.language", cookies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_details_of_the_API_are_in_the_callers_language()
    {
        using var api = Node.CreateApiClient().AskingFor("fr-BE");
        var body = Accounts.ConsumerRegistration();
        body["firstName"] = "";
        body["address"]!["postalCode"] = "12";
        using var response = await api.PostAsJsonAsync("/api/account/register", body, Accounts.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Accounts.Json);
        Assert.Equal("Un ou plusieurs champs ne sont pas valides.", (string?)problem!["title"]);
        Assert.Equal("Indiquez votre prénom.", (string?)problem["errors"]!["firstName"]![0]);
        Assert.Equal("Les codes postaux belges ont quatre chiffres, p. ex. 1000.", (string?)problem["errors"]!["address.postalCode"]![0]);
    }

    [Fact]
    public async Task A_message_with_a_number_in_it_is_translated_around_the_number()
    {
        using var api = Node.CreateApiClient().AskingFor("nl-BE");
        var body = Accounts.ConsumerRegistration(password: "short");
        using var response = await api.PostAsJsonAsync("/api/account/register", body, Accounts.Json);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Accounts.Json);
        Assert.Equal("Gebruik minstens 10 tekens.", (string?)problem!["errors"]!["password"]![0]);
    }

    [Fact]
    public async Task The_studios_messages_are_translated_too()
    {
        // Signing in speaks the language the customer registered in.
        using var customer = await Node.Login(await Node.Register(Accounts.ConsumerRegistration(), acceptLanguage: "fr-BE"));
        var designId = await Designs.Upload(customer);
        using var response = await customer.PutAsJsonAsync($"/api/designs/{designId}", new { format = "Square", crop = new { x = 0, y = 0, width = 0, height = 0 } }, Accounts.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Accounts.Json);
        Assert.Equal("Le recadrage doit avoir une largeur et une hauteur positives.", (string?)problem!["errors"]!["crop"]![0]);
    }

    [Fact]
    public async Task The_orders_messages_are_translated_too()
    {
        using var customer = await Node.Login(await Node.Register(Accounts.ConsumerRegistration(), acceptLanguage: "de-BE"));
        using var response = await customer.GetAsync("/api/orders/quote?tariff=Europe&sheets=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Accounts.Json);
        Assert.StartsWith("Bestellen Sie 1 bis ", (string?)problem!["errors"]!["sheets"]![0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-BE", "€ ")]
    [InlineData("fr-BE", " €")]
    [InlineData("de-BE", " €")]
    public async Task The_home_page_shows_the_public_prices_in_the_Belgian_style_of_the_language(string acceptLanguage, string euroPlacement)
    {
        using var visitor = Node.CreatePageClient().AskingFor(acceptLanguage);
        var home = WebUtility.HtmlDecode(await visitor.GetStringAsync("/"));
        using var api = Node.CreateApiClient();
        var prices = await api.GetFromJsonAsync<JsonObject>("/api/orders/prices", Accounts.Json);
        var net = (decimal)prices!["sheetPrices"]!["BelgiumPrior"]!;
        var vat = (decimal)prices["vatRate"]!;
        var withVat = Math.Round(net * (1 + vat / 100m), 2, MidpointRounding.AwayFromZero);
        var amount = withVat.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo(acceptLanguage));
        var expected = euroPlacement.StartsWith('€') ? euroPlacement + amount : amount + euroPlacement;
        Assert.Contains(expected.Replace(' ', '\u00A0'), home.Replace(' ', '\u00A0').Replace('\u202F', '\u00A0'), StringComparison.Ordinal);
        Assert.Contains(",", amount, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prices_are_public()
    {
        using var anonymous = Node.CreateApiClient();
        using var response = await anonymous.GetAsync("/api/orders/prices");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
