using Microsoft.Playwright;

namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>
/// One sample site and one Chromium for every browser test (they run one after the other in the
/// "Browser" collection); each test gets fresh browser contexts, as separate people would.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly string? chromium = Chromium.Find();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public SampleSite Site { get; } = new();

    /// <summary>Starts the site and the browser; skips the calling test without a browser (fails it in CI).</summary>
    public async Task<IBrowser> RequireBrowserAsync()
    {
        Chromium.Require(chromium);
        if (browser is null)
        {
            Site.StartServer();
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = Arguments,
            });
        }

        return browser;
    }

    /// <summary>A new private window: English, UTC, desktop size unless told otherwise.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var browser = await RequireBrowserAsync();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Site.Address.ToString();
        options.Locale ??= "en-US";
        options.TimezoneId ??= "UTC";
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
