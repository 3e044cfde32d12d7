using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;

namespace UserMessages.HostTests.Infrastructure;

/// <summary>The README's pictures of a template's site (its navbar with the badge, our inbox in its layout), taken from the running host in Chromium when there is one.</summary>
public static class NavbarScreenshot
{
    public static async Task TakeAsync(Visitor visitor, string selector, string file, string path = "/")
    {
        if (Chromium.Find() is not { } chromium)
        {
            return;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 600 }, Locale = "en-US" });
        await context.AddCookiesAsync(visitor.Cookies.GetAllCookies().Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = visitor.Site.ToString(),
        }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(visitor.Site, path).ToString());
        await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
    }
}
