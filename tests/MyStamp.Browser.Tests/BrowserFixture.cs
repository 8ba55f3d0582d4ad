using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Browser.Tests;

/// <summary>
/// One node listening on a real loopback port and one headless Debian Chromium, shared by every browser
/// test (the <see cref="BrowserCollection"/>): each test gets a browser context of its own, so cookies never
/// cross. Playwright never downloads a browser here: it drives /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public MyStampNode Node { get; } = new MyStampNode(listenOnLoopback: true);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Node.ServerAddress;

    /// <summary>
    /// How long a step may wait for the page. The machine that runs CI is shared, and the first sign-in of a run
    /// pays for JIT, the first grain activations and the key store: a test asserts what the customer sees, not
    /// how fast the first one sees it (speed is measured by bench/, in ratios).
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task InitializeAsync()
    {
        Node.Start();
        await WarmUp();
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The closed network here refuses Chromium's background connections; don't make any.
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) with the node as base URL, set to a language as a visitor's browser is
    /// (its Accept-Language): English unless a test asks for another, e.g. "nl-BE" or "fr-BE".
    /// </summary>
    public async Task<IPage> NewPage(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>The pages every journey starts with, requested once before the first test, so that no test pays the node's cold start.</summary>
    private async Task WarmUp()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = Patience };
        foreach (var path in new[] { "/", "/Account/Login", "/Account/Register", "/health/ready" })
        {
            using var response = await http.GetAsync(path);
        }
    }

    /// <summary>A fresh browser context holding the cookies of <paramref name="signedIn"/>: the browser is signed in as them.</summary>
    public async Task<IPage> NewPage(TestClient signedIn)
    {
        var page = await NewPage();
        await page.Context.AddCookiesAsync(signedIn.Cookies.Select(cookie => new Cookie
        {
            Name = cookie.Key,
            Value = cookie.Value,
            Url = BaseAddress.ToString(),
        }));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Node.DisposeAsync();
    }
}

/// <summary>
/// The browser tests share one node and one Chromium: starting them takes seconds, and the tests run one at a
/// time anyway on a small machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
