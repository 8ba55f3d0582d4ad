using System.Net;

namespace MyStamp.Integration.Tests.Customers;

/// <summary>
/// Where a page sends the browser after a form: a local path given by the visitor is followed, encoded for the
/// header when it holds letters beyond ASCII (an outside scanner's <c>returnUrl=/café</c> answered 500), and
/// anything else falls back to the page's own default. Never a 500, never another site, never a split header.
/// </summary>
public partial class AccountPagesTests
{
    [Theory]
    [InlineData("/Privacy/Mine", "/Privacy/Mine")]
    [InlineData("/Orders/café?naam=Zoë", "/Orders/caf%C3%A9?naam=Zo%C3%AB")]
    [InlineData("/Studio/😀", "/Studio/%F0%9F%98%80")]
    [InlineData("/Privacy\r\nSet-Cookie: stolen=1", "/Account/Profile")]
    [InlineData("//evil.example/steal", "/Account/Profile")]
    [InlineData("https://evil.example/steal", "/Account/Profile")]
    public async Task Signing_in_follows_a_local_return_url_encoded_for_the_header_and_nothing_else(string returnUrl, string expected)
    {
        var account = await Node.RegisterConsumer();
        using var browser = Browser();

        using var signedIn = await Post(browser, "/Account/Login", new() { ["Email"] = account.Email, ["Password"] = account.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(expected, signedIn.Headers.Location?.OriginalString);
        Assert.False(signedIn.Headers.Contains("Set-Cookie") && signedIn.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("stolen", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/Privacy?über=ja", "/Privacy?%C3%BCber=ja")]
    [InlineData("/Privacy\u0001", "/")]
    [InlineData("//evil.example/", "/")]
    public async Task Closing_the_cookie_notice_returns_to_a_local_page_only(string returnUrl, string expected)
    {
        using var browser = Browser();
        var page = await browser.GetStringAsync("/Privacy");
        var token = Token().Match(page);
        Assert.True(token.Success);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["returnUrl"] = returnUrl,
        });

        using var closed = await browser.PostAsync("/Privacy/Cookies?handler=Dismiss", content);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(expected, closed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_with_a_return_url_beyond_ascii_renders()
    {
        using var browser = Browser();

        using var page = await browser.GetAsync("/Account/Login?ReturnUrl=%2FOrders%2Fcaf%C3%A9%00");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
