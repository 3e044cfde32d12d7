namespace UserMessages.HostTests.Infrastructure;

/// <summary>The README's pictures of a template's site (its navbar with the badge, our inbox in its layout), taken from the running host in Chromium when there is one.</summary>
public static class NavbarScreenshot
{
    public static async Task TakeAsync(Visitor visitor, string selector, string file, string path = "/")
    {
        await using var window = await BrowserWindow.TryOpenAsync(visitor);
        if (window is null)
        {
            return;
        }

        await window.Page.GotoAsync(path);
        await window.Page.Locator(selector).ScreenshotAsync(new Microsoft.Playwright.LocatorScreenshotOptions { Path = file });
    }
}
