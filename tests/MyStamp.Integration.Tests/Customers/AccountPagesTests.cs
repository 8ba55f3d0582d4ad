using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>The server-rendered pages: register, sign in, my profile and its edit form, sign out.</summary>
public partial class AccountPagesTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private MyStampNode Node => fixture.Node;

    [Fact]
    public async Task Registering_on_the_page_signs_in_and_shows_the_profile()
    {
        using var browser = Browser();
        var email = Accounts.NewEmail("page");

        using var posted = await Post(browser, "/Account/Register", RegisterForm(email));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/Account/Profile", posted.Headers.Location?.OriginalString);
        var profile = WebUtility.HtmlDecode(await browser.GetStringAsync("/Account/Profile"));
        Assert.Contains(email, profile);
        Assert.Contains("Wetstraat", profile);
        Assert.Contains("+32470123456", profile);
    }

    [Fact]
    public async Task A_refused_form_keeps_the_input_and_shows_the_error_next_to_the_field()
    {
        using var browser = Browser();
        var form = RegisterForm(Accounts.NewEmail("page"));
        form["Form.PostalCode"] = "99";
        form["Form.VatNumber"] = "BE0123.456.789";
        form["Form.AccountType"] = "Pro";

        using var posted = await Post(browser, "/Account/Register", form);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Matches(FieldError("address.postalCode", "four digits"), html);
        Assert.Matches(FieldError("vatNumber", "check digits"), html);
        Assert.Contains("value=\"Wetstraat\"", html);
        Assert.Contains("value=\"99\"", html);
        // The password is never sent back to the browser.
        Assert.DoesNotContain(Accounts.DefaultPassword, html);
    }

    [Fact]
    public async Task Signing_in_editing_the_profile_and_signing_out_on_the_pages()
    {
        var account = await Node.RegisterConsumer();
        using var browser = Browser();

        using (var wrong = await Post(browser, "/Account/Login", new() { ["Email"] = account.Email, ["Password"] = "not the password" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("not right", await wrong.Content.ReadAsStringAsync());
        }
        using (var signedIn = await Post(browser, "/Account/Login", new() { ["Email"] = account.Email, ["Password"] = account.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var edit = await browser.GetStringAsync("/Account/EditProfile");
        Assert.Contains($"value=\"{account.Email}\"", edit);
        var form = RegisterForm(account.Email);
        form.Remove("Password");
        form.Remove("AcceptPolicy");
        form["Form.City"] = "Antwerpen";
        form["Form.PostalCode"] = "2000";
        using (var saved = await Post(browser, "/Account/EditProfile", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Contains("Antwerpen", await browser.GetStringAsync("/Account/Profile"));

        using (var signedOut = await Post(browser, "/Account/Logout", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }
        using var profile = await browser.GetAsync("/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Contains("/Account/Login", profile.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_page_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = Browser();
        using var content = new FormUrlEncodedContent(RegisterForm(Accounts.NewEmail("forged")));
        using var response = await browser.PostAsync("/Account/Register", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient Browser() => Node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Dictionary<string, string> RegisterForm(string email) => new()
    {
        ["Form.FirstName"] = "Ann",
        ["Form.LastName"] = "Peeters",
        ["Form.Email"] = email,
        ["Form.Gender"] = "Female",
        ["Form.BirthDate"] = "1990-04-23",
        ["Form.Phone"] = "0470 12 34 56",
        ["Form.Street"] = "Wetstraat",
        ["Form.HouseNumber"] = "16",
        ["Form.Box"] = "",
        ["Form.PostalCode"] = "1000",
        ["Form.City"] = "Brussel",
        ["Form.Country"] = "BE",
        ["Form.AccountType"] = "Consumer",
        ["Form.VatNumber"] = "",
        ["Password"] = Accounts.DefaultPassword,
        ["AcceptPolicy"] = "true",
    };

    /// <summary>GETs the page for its antiforgery token (and cookie), then posts the form with it.</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient browser, string path, Dictionary<string, string> form)
    {
        var page = await browser.GetStringAsync(path);
        var token = Token().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {path}");
        form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(form);
        return await browser.PostAsync(path, content);
    }

    private static Regex FieldError(string field, string text) =>
        new($"data-field=\"{Regex.Escape(field)}\">[^<]*{Regex.Escape(text)}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
