using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Site;

/// <summary>The same core flow with JavaScript switched off: every page is plain HTML forms underneath.</summary>
public sealed class WithoutJavaScriptTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static BrowserNewContextOptions NoScript => new() { JavaScriptEnabled = false };

    [SkippableFact]
    public async Task WithScriptsOff_PeopleWriteReplyDeleteRestoreUseBulkActionsAndSwitchLanguage()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var carol = await UserAsync("carol");
        var alicesPage = await SignedInAsync(alice, NoScript);
        var bobsPage = await SignedInAsync(bob, NoScript);

        await alicesPage.GotoAsync("/messages/create");
        await Expect(alicesPage.Locator("#um-to")).Not.ToHaveAttributeAsync("role", "combobox");
        await alicesPage.ComposeAsync([bob, carol], "Plain HTML", "No scripts needed.");

        await bobsPage.GotoAsync("/messages");
        await Expect(bobsPage.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "1");
        await bobsPage.Row("Plain HTML").Locator("a").ClickAsync();
        await Expect(bobsPage.Locator(".um-message__content")).ToHaveTextAsync("No scripts needed.");
        await bobsPage.ReplyAsync("Works for me.");

        await alicesPage.ReloadAsync();
        await Expect(alicesPage.Locator("#um-messages .um-message__content")).ToHaveTextAsync(["No scripts needed.", "Works for me."]);

        await alicesPage.Locator("#um-delete").ClickAsync();
        await Expect(alicesPage.Locator("#user-messages")).ToHaveAttributeAsync("data-um-page", "inbox");
        await Expect(alicesPage.Locator("#um-empty")).ToBeVisibleAsync();
        await alicesPage.OpenFolderAsync("trash");
        await alicesPage.Row("Plain HTML").GetByRole(AriaRole.Button, new() { Name = "Restore Plain HTML" }).ClickAsync();
        await alicesPage.OpenFolderAsync("inbox");
        await alicesPage.ExpectSubjectsAsync("Plain HTML");

        await alicesPage.SelectAsync("Plain HTML");
        await alicesPage.Locator("[data-um-bulk='markunread']").ClickAsync();
        await Expect(alicesPage.Row("Plain HTML")).ToHaveAttributeAsync("data-um-unread", "true");

        await alicesPage.Locator("#language").SelectOptionAsync("de");
        await alicesPage.Locator("#language-apply").ClickAsync();
        await Expect(alicesPage.GetByRole(AriaRole.Heading, new() { Name = "Posteingang", Level = 1 })).ToBeVisibleAsync();
    }
}
