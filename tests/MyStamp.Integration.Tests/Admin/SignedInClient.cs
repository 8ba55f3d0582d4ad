using System.Net;
using Microsoft.Net.Http.Headers;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MyStamp.Integration.Tests.Infrastructure;
using MyStamp.Web.Security;

namespace MyStamp.Integration.Tests.Admin;

/// <summary>
/// An HTTP client of one node that keeps its own cookies (sign-in, antiforgery) and follows no
/// redirects, so tests see the 302s the admin area answers with.
/// </summary>
public sealed partial class SignedInClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    private SignedInClient(MyStampNode node)
    {
        _http = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public static SignedInClient Anonymous(MyStampNode node) => new(node);

    /// <summary>A client signed in as a customer without any role.</summary>
    public static Task<SignedInClient> Customer(MyStampNode node, Guid? customerId = null) => SignedIn(node, customerId ?? Guid.CreateVersion7());

    /// <summary>A client signed in with the admin role.</summary>
    public static Task<SignedInClient> Admin(MyStampNode node, Guid? adminId = null) => SignedIn(node, adminId ?? Guid.CreateVersion7(), Roles.Admin);

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public Task<HttpResponseMessage> Get(string path, CancellationToken cancellationToken = default) =>
        Send(new HttpRequestMessage(HttpMethod.Get, path), HttpCompletionOption.ResponseContentRead, cancellationToken);

    /// <summary>Sends a request and returns as soon as the headers arrive (for streams such as the dashboard's log).</summary>
    public Task<HttpResponseMessage> Send(HttpRequestMessage request, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, CancellationToken cancellationToken = default)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }
        return SendAndKeepCookies(request, completion, cancellationToken);
    }

    /// <summary>Posts a page's form the way a browser does: with the antiforgery token the page rendered.</summary>
    public async Task<HttpResponseMessage> PostForm(string pagePath, IReadOnlyDictionary<string, string> fields)
    {
        var page = await Get(pagePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"{pagePath} renders no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Send(new HttpRequestMessage(HttpMethod.Post, pagePath) { Content = new FormUrlEncodedContent(form) });
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Signs in through the node's own cookie handler (its SignInAsync and events, e.g. the admin idle
    /// timeout), as the login endpoint does, and keeps the cookie it issues.
    /// </summary>
    private static async Task<SignedInClient> SignedIn(MyStampNode node, Guid accountId, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, accountId.ToString()) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));

        await using var scope = node.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);

        var client = new SignedInClient(node);
        client.Keep(context.Response.Headers.SetCookie);
        Assert.True(client._cookies.ContainsKey("mystamp.auth"), "the cookie handler issued no sign-in cookie");
        return client;
    }

    private async Task<HttpResponseMessage> SendAndKeepCookies(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, completion, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            Keep(setCookies);
        }
        return response;
    }

    private void Keep(IEnumerable<string?> setCookies)
    {
        foreach (var header in setCookies.OfType<string>())
        {
            var cookie = SetCookieHeaderValue.Parse(header);
            var name = cookie.Name.ToString();
            if (cookie.Expires is { } expires && expires < DateTimeOffset.UnixEpoch.AddYears(1))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = cookie.Value.ToString();
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
