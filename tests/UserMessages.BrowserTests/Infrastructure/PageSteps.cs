using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>What people do on the site, step by step, as they would do it in a browser.</summary>
public static partial class PageSteps
{
    public static async Task LogInAsync(this IPage page, SiteUser user)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(user.UserName);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(user.UserName);
    }

    /// <summary>Writes a new message with the names typed in full (no suggestions needed) and waits for the new thread's page.</summary>
    public static async Task ComposeAsync(this IPage page, IEnumerable<SiteUser> to, string subject, string content)
    {
        await page.GotoAsync("/messages/create");
        await page.Locator("#um-to").FillAsync(string.Join(", ", to.Select(u => u.UserName)));
        await page.Locator("#um-subject").FillAsync(subject);
        await page.Locator("#um-content").FillAsync(content);
        await page.Locator("#um-send").ClickAsync();
        await Expect(page).ToHaveURLAsync(ThreadUrl());
        await Expect(page.Locator("#um-subject")).ToHaveTextAsync(subject);
    }

    public static async Task ReplyAsync(this IPage page, string content)
    {
        await page.Locator("#um-reply-content").FillAsync(content);
        await page.Locator("#um-reply-send").ClickAsync();
        await Expect(page.Locator("#um-messages .um-message__content").Last).ToHaveTextAsync(content);
    }

    /// <summary>Goes to a folder through the folder links, as a person would.</summary>
    public static async Task OpenFolderAsync(this IPage page, string folder)
    {
        await page.Locator($"#um-folders [data-um-folder='{folder}']").ClickAsync();
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-page", folder);
    }

    /// <summary>The rows of the folder shown.</summary>
    public static ILocator Rows(this IPage page) => page.Locator("#um-thread-list [data-um-thread-id]");

    public static ILocator Row(this IPage page, string subject)
        => page.Rows().Filter(new() { Has = page.Locator(".um-thread__subject", new() { HasText = subject }) });

    /// <summary>The subjects of the rows shown, top to bottom.</summary>
    public static async Task<IReadOnlyList<string>> SubjectsAsync(this IPage page)
        => (await page.Locator("#um-thread-list .um-thread__subject").AllInnerTextsAsync())
            .Select(s => s.Replace("Unread:", string.Empty, StringComparison.Ordinal).Trim())
            .ToList();

    /// <summary>Waits until the folder shows exactly these subjects, top to bottom.</summary>
    public static async Task ExpectSubjectsAsync(this IPage page, params string[] subjects)
    {
        var shown = page.Locator("#um-thread-list .um-thread__subject");
        await Expect(shown).ToHaveCountAsync(subjects.Length);
        await Expect(shown).ToContainTextAsync(subjects);
        Assert.Equal(subjects, await page.SubjectsAsync());
    }

    /// <summary>Ticks the row of <paramref name="subject"/> for a bulk action.</summary>
    public static Task SelectAsync(this IPage page, string subject)
        => page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select “{subject}”" }).CheckAsync();

    public static Regex ThreadUrl() => ThreadUrlPattern();

    [GeneratedRegex(@"/messages/thread/\d+$")]
    private static partial Regex ThreadUrlPattern();
}
