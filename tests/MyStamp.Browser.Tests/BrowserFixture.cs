using Microsoft.Playwright;
using MyStamp.Integration.Tests.Infrastructure;

namespace MyStamp.Browser.Tests;

/// <summary>
/// One node listening on a real loopback port and one headless Debian Chromium, shared by a test
/// class. Playwright never downloads a browser here: it drives /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public MyStampNode Node { get; } = new MyStampNode(listenOnLoopback: true);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Node.ServerAddress;

    public async Task InitializeAsync()
    {
        Node.Start();
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

    /// <summary>A fresh browser context (own cookies) with the node as base URL.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        return await context.NewPageAsync();
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
