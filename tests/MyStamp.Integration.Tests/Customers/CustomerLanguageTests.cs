using System.Net;
using System.Net.Http.Json;
using MyStamp.Customers.Contracts;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Account;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>The language stored with the account: the one e-mails are written in while the customer is away.</summary>
public class CustomerLanguageTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Theory]
    [InlineData("fr-BE,fr;q=0.9", CustomerLanguage.French)]
    [InlineData("de-DE", CustomerLanguage.German)]
    [InlineData("nl-BE", CustomerLanguage.Dutch)]
    [InlineData("en-GB,en;q=0.8", CustomerLanguage.English)]
    [InlineData("es-ES,fr;q=0.5", CustomerLanguage.French)]
    public async Task A_customer_registers_in_the_language_their_browser_asks_for(string acceptLanguage, CustomerLanguage expected)
    {
        using var client = Node.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/register") { Content = JsonContent.Create(Accounts.ConsumerRegistration(), options: Accounts.Json) };
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var customerId = (await response.Read<RegisteredResponse>()).CustomerId;

        var profile = await Node.Grains.GetGrain<ICustomerGrain>(customerId).GetProfile();
        Assert.Equal(expected, profile!.Language);
    }

    [Fact]
    public async Task A_browser_asking_for_no_language_the_shop_speaks_registers_in_Dutch_the_policys_language()
    {
        using var client = Node.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/register") { Content = JsonContent.Create(Accounts.ConsumerRegistration(), options: Accounts.Json) };
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("es-ES");
        using var response = await client.SendAsync(request);
        var customerId = (await response.Read<RegisteredResponse>()).CustomerId;

        Assert.Equal(CustomerLanguage.Dutch, (await Node.Grains.GetGrain<ICustomerGrain>(customerId).GetProfile())!.Language);
    }

    [Fact]
    public async Task A_signed_in_customer_changes_their_language_and_keeps_it_with_the_account_and_in_the_browser()
    {
        var (account, client) = await Node.SignedInConsumer();
        using (client)
        {
            using var put = await client.PutAsJsonAsync("/api/account/language", new { language = "German" }, Accounts.Json);
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

            var me = await client.GetJson<ProfileResponse>("/api/account/me");
            Assert.Equal(CustomerLanguage.German, me.Language);
            Assert.Equal(CustomerLanguage.German, (await Node.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile())!.Language);
            Assert.Contains("de-BE", Uri.UnescapeDataString(client.Cookies["mystamp.language"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Signing_in_switches_an_English_browser_to_the_language_the_customer_registered_in()
    {
        var account = await Node.Register(Accounts.ConsumerRegistration(), acceptLanguage: "fr-BE");
        using var browser = Node.CreatePageClient().AskingFor("en-GB,en;q=0.9");
        Assert.Contains("<html lang=\"en\">", await browser.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        using var signedIn = await browser.PostForm("/Account/Login", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var profile = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/Account/Profile"));
        Assert.Contains("<html lang=\"fr\">", profile, StringComparison.Ordinal);
        Assert.Contains("Voici tout ce que nous conservons à votre sujet.", profile, StringComparison.Ordinal);

        // The switcher afterwards changes the interface and the stored language, as before.
        using var switched = await browser.PostForm("/", new Dictionary<string, string> { ["language"] = "de", ["returnUrl"] = "/" }, action: "/language");
        Assert.Contains("<html lang=\"de\">", await browser.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(CustomerLanguage.German, (await Node.Grains.GetGrain<ICustomerGrain>(account.CustomerId).GetProfile())!.Language);
    }

    [Fact]
    public async Task Signing_in_through_the_API_sets_the_stored_language_and_an_admin_keeps_the_browsers()
    {
        var account = await Node.Register(Accounts.ConsumerRegistration(), acceptLanguage: "nl-BE");
        using var client = await Node.Login(account);
        Assert.Contains("nl-BE", Uri.UnescapeDataString(client.Cookies["mystamp.language"]), StringComparison.Ordinal);

        // An admin has no stored language: the browser's stays.
        using var admin = await Node.LoginAsAdmin(api: false);
        Assert.False(admin.Cookies.ContainsKey("mystamp.language"));
    }

    [Fact]
    public async Task A_language_the_shop_does_not_speak_is_refused_with_a_field_error()
    {
        var (_, client) = await Node.SignedInConsumer();
        using (client)
        {
            using var put = await client.PutAsJsonAsync("/api/account/language", new { language = 7 }, Accounts.Json);
            Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
            Assert.True((await put.ReadProblem()).Names("language"));
        }
    }
}
