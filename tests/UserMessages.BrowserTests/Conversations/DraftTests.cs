using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Issue 22, item 6: what is typed in a reply or a new message survives a reload (kept in the browser), and is gone once sent.</summary>
public sealed class DraftTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task AReplyBeingWritten_SurvivesAReload_AndIsClearedBySending()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(bob, [alice], "Weekend", "Any plans?");
        var page = await SignedInAsync(alice);
        await page.GotoAsync($"/messages/thread/{threadId}");

        await page.Locator("#um-reply-content").PressSequentiallyAsync("Half a thought, then the tab");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('um-draft:'))");
        await page.ReloadAsync();

        await Expect(page.Locator("#um-reply-content")).ToHaveValueAsync("Half a thought, then the tab");
        await page.Locator("#um-reply-content").FillAsync("Hiking, if it stays dry.");
        await page.Locator("#um-reply-send").ClickAsync();
        await Expect(page.Locator("#um-messages .um-message__content").Last).ToHaveTextAsync("Hiking, if it stays dry.");
        await Expect(page.Locator("#um-reply-content")).ToHaveValueAsync(string.Empty);
        Assert.False(await page.EvaluateAsync<bool>("() => Object.keys(localStorage).some(k => k.startsWith('um-draft:'))"));
        await page.ReloadAsync();
        await Expect(page.Locator("#um-reply-content")).ToHaveValueAsync(string.Empty);
    }

    [SkippableFact]
    public async Task ANewMessageBeingWritten_SurvivesAReload_ButIsGoneWhenAnotherUserOfTheSameBrowserWrites()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages/create");

        await page.Locator("#um-subject").FillAsync("Birthday present");
        await page.Locator("#um-content").PressSequentiallyAsync("Shall we all chip in?");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('um-draft:'))");
        await page.ReloadAsync();

        await Expect(page.Locator("#um-subject")).ToHaveValueAsync("Birthday present");
        await Expect(page.Locator("#um-content")).ToHaveValueAsync("Shall we all chip in?");

        // Someone else signing in in the same browser finds an empty form, and the first user's draft is no longer kept.
        await page.GotoAsync("/Identity/Account/Logout");
        await page.Context.ClearCookiesAsync();
        await page.LogInAsync(bob);
        await page.GotoAsync("/messages/create");
        await Expect(page.Locator("#um-content")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#um-subject")).ToHaveValueAsync(string.Empty);
        Assert.Equal(0, await page.EvaluateAsync<int>($"() => Object.keys(localStorage).filter(k => k.startsWith('um-draft:{alice.Id}:')).length"));
    }
}
