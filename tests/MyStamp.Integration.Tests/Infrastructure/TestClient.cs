using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace MyStamp.Integration.Tests.Infrastructure;

/// <summary>
/// An HTTP client of one node that behaves like one browser: it keeps the cookies the node sets (and shows
/// them, e.g. to hand the sign-in cookie to SignalR or to a real browser), follows no redirects, so tests see
/// the 302s, and knows which account it signed in as. Made by <see cref="Accounts"/>: <c>node.CreateApiClient()</c>,
/// <c>node.Login(…)</c>, <c>node.LoginAsAdmin()</c>.
/// </summary>
public sealed partial class TestClient : HttpClient
{
    private readonly CookieJar _jar;

    internal TestClient(MyStampNode node, bool api, CookieJar? cookies = null)
        : this(new CookieJar(cookies), node, api)
    {
    }

    private TestClient(CookieJar jar, MyStampNode node, bool api) : base(jar.Around(node.CreateHandler()))
    {
        _jar = jar;
        Node = node;
        BaseAddress = node.ClientOptions.BaseAddress;
        IsApiClient = api;
        // Tests read the shop in English, as a browser set to English would (the shop's default is Dutch);
        // a request of its own with an Accept-Language header overrides it.
        DefaultRequestHeaders.AcceptLanguage.ParseAdd(TestLanguage);
        if (api)
        {
            // State-changing API calls are refused without it (request-forgery defence).
            DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        }
    }

    /// <summary>The language test clients ask for unless a test asks for another.</summary>
    public const string TestLanguage = "en";

    public MyStampNode Node { get; }

    /// <summary>Whether the client sends the API's X-Requested-With header on every request.</summary>
    public bool IsApiClient { get; }

    /// <summary>The account the client signed in as (a customer's id, or the admin's account id); empty while anonymous.</summary>
    public Guid AccountId { get; internal set; }

    /// <summary>The cookies the node has set and not yet expired, by name.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _jar.Snapshot();

    /// <summary>The cookies as a request's <c>Cookie</c> header (e.g. for a SignalR connection).</summary>
    public string CookieHeader => _jar.Header();

    /// <summary>The same signed-in user (same cookies, from now on kept apart) talking to another node of the cluster.</summary>
    public TestClient On(MyStampNode other) => new(other, IsApiClient, _jar) { AccountId = AccountId };

    /// <summary>Posts a page's form the way a browser does: with the antiforgery token the page rendered.</summary>
    public async Task<HttpResponseMessage> PostForm(string pagePath, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetAsync(pagePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"{pagePath} renders no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await PostAsync(pagePath, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>A browser's cookie store, reduced to what one site needs: sends every live cookie, keeps what Set-Cookie says.</summary>
    internal sealed class CookieJar
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public CookieJar(CookieJar? copyOf = null)
        {
            if (copyOf is not null)
            {
                foreach (var (name, value) in copyOf.Snapshot())
                {
                    _cookies[name] = value;
                }
            }
        }

        public HttpMessageHandler Around(HttpMessageHandler inner) => new Handler(this) { InnerHandler = inner };

        public IReadOnlyDictionary<string, string> Snapshot()
        {
            lock (_cookies)
            {
                return new Dictionary<string, string>(_cookies, StringComparer.Ordinal);
            }
        }

        public string Header() => string.Join("; ", Snapshot().Select(cookie => $"{cookie.Key}={cookie.Value}"));

        private void Keep(IEnumerable<string> setCookies)
        {
            lock (_cookies)
            {
                foreach (var header in setCookies)
                {
                    var cookie = SetCookieHeaderValue.Parse(header);
                    var name = cookie.Name.ToString();
                    // A sign-out answers with the cookie expired in 1970.
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
        }

        private sealed class Handler(CookieJar jar) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var header = jar.Header();
                if (header.Length > 0 && !request.Headers.Contains("Cookie"))
                {
                    request.Headers.Add("Cookie", header);
                }
                var response = await base.SendAsync(request, cancellationToken);
                if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
                {
                    jar.Keep(setCookies);
                }
                return response;
            }
        }
    }
}
