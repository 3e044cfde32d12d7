using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>
/// A visitor's session of a running host in headless Chromium (their cookies copied in), with every
/// console error and script error its pages report.
/// </summary>
public sealed class BrowserWindow : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly List<string> problems = [];

    private BrowserWindow(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = Watch(page);
    }

    public IPage Page { get; }

    /// <summary>The console errors (a refusal by the Content-Security-Policy among them) and script errors reported so far.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    /// <summary>A window of <paramref name="visitor"/>'s, or null when there is no Chromium (for pictures, which are optional).</summary>
    public static async Task<BrowserWindow?> TryOpenAsync(Visitor visitor)
        => Chromium.Find() is { } chromium ? await OpenAsync(visitor, chromium) : null;

    /// <summary>A window of <paramref name="visitor"/>'s; without Chromium the calling test is skipped, or fails in CI.</summary>
    public static Task<BrowserWindow> OpenAsync(Visitor visitor)
    {
        var chromium = Chromium.Find();
        Chromium.Require(chromium);
        return OpenAsync(visitor, chromium!);
    }

    /// <summary>Another tab of the same visitor's, its errors reported with the first one's.</summary>
    public async Task<IPage> NewTabAsync() => Watch(await Page.Context.NewPageAsync());

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }

    private static async Task<BrowserWindow> OpenAsync(Visitor visitor, string chromium)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Arguments });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = visitor.Site.ToString(),
            ViewportSize = new ViewportSize { Width = 1024, Height = 600 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(10_000);
        await context.AddCookiesAsync(visitor.Cookies.GetAllCookies().Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = visitor.Site.ToString(),
        }));
        return new BrowserWindow(playwright, browser, await context.NewPageAsync());
    }

    private IPage Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Report($"{page.Url}: console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Report($"{page.Url}: script error: {error}");
        return page;
    }

    private void Report(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }
}
