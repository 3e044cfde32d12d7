using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Mailbox;

/// <summary>Deleting, restoring and archiving a conversation, with the buttons people see.</summary>
public sealed class FolderTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task DeleteRestoreAndArchive_MoveAConversationBetweenInboxTrashAndArchive()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        await Site.StartThreadAsync(bob, [alice], "Quarterly report", "Numbers attached.");
        await Site.StartThreadAsync(bob, [alice], "Coffee", "Later?");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages");

        await page.Row("Quarterly report").Locator("a").ClickAsync();
        await page.Locator("#um-delete").ClickAsync();
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-page", "inbox");
        await page.ExpectSubjectsAsync("Coffee");

        await page.OpenFolderAsync("trash");
        await page.ExpectSubjectsAsync("Quarterly report");
        await page.Row("Quarterly report").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Restore Quarterly report" }).ClickAsync();
        await Expect(page.Locator("#um-empty")).ToBeVisibleAsync();
        await page.OpenFolderAsync("inbox");
        await page.ExpectSubjectsAsync("Coffee", "Quarterly report");

        await page.Row("Quarterly report").Locator("a").ClickAsync();
        await page.Locator("#um-archive").ClickAsync();
        await page.OpenFolderAsync("archive");
        await page.ExpectSubjectsAsync("Quarterly report");
        await page.Row("Quarterly report").Locator("a").ClickAsync();
        await Expect(page.Locator("#um-in-archive")).ToBeVisibleAsync();
        await page.Locator("#um-restore").ClickAsync();
        await page.GotoAsync("/messages");
        await page.ExpectSubjectsAsync("Coffee", "Quarterly report");
        await page.OpenFolderAsync("archive");
        await Expect(page.Locator("#um-empty")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task BulkActions_ChangeOnlyTheTickedConversations()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        foreach (var subject in new[] { "Alpha", "Bravo", "Charlie" })
        {
            await Site.StartThreadAsync(bob, [alice], subject, "About " + subject);
        }

        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages");
        await Expect(page.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "3");

        await page.SelectAsync("Alpha");
        await page.SelectAsync("Charlie");
        await page.Locator("[data-um-bulk='markread']").ClickAsync();
        await Expect(page.Row("Alpha")).ToHaveAttributeAsync("data-um-unread", "false");
        await Expect(page.Row("Charlie")).ToHaveAttributeAsync("data-um-unread", "false");
        await Expect(page.Row("Bravo")).ToHaveAttributeAsync("data-um-unread", "true");
        await Expect(page.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "1");

        await page.SelectAsync("Alpha");
        await page.SelectAsync("Bravo");
        await page.Locator("[data-um-bulk='archive']").ClickAsync();
        await page.ExpectSubjectsAsync("Charlie");
        await page.OpenFolderAsync("archive");
        await page.ExpectSubjectsAsync("Bravo", "Alpha");

        await page.SelectAsync("Alpha");
        await page.Locator("[data-um-bulk='delete']").ClickAsync();
        await page.ExpectSubjectsAsync("Bravo");
        await page.OpenFolderAsync("trash");
        await page.ExpectSubjectsAsync("Alpha");
    }

    [SkippableFact]
    public async Task Paging_WalksToOlderConversationsAndBack()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        for (var i = 1; i <= 27; i++)
        {
            await Site.StartThreadAsync(bob, [alice], $"Topic {i:D2}", $"Message number {i}");
        }

        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages");
        var first = await page.SubjectsAsync();
        Assert.Equal(25, first.Count);
        Assert.Equal("Topic 27", first[0]);
        Assert.Equal("Topic 03", first[^1]);
        await Expect(page.Locator("[data-um-page-link='newer']")).ToHaveCountAsync(0);

        await page.Locator("[data-um-page-link='older']").ClickAsync();
        await Expect(page.Rows()).ToHaveCountAsync(2);
        await page.ExpectSubjectsAsync("Topic 02", "Topic 01");
        await Expect(page.Locator("[data-um-page-link='older']")).ToHaveCountAsync(0);

        await page.Locator("[data-um-page-link='newer']").ClickAsync();
        await Expect(page.Rows()).ToHaveCountAsync(25);
        Assert.Equal(first, await page.SubjectsAsync());
    }

    [SkippableFact]
    public async Task Search_FindsConversationsBySubjectOrMessageText_AndExplainsATooShortQuery()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        await Site.StartThreadAsync(bob, [alice], "Garden party", "Bring lemonade, please.");
        var budget = await Site.StartThreadAsync(alice, [bob], "Budget", "The numbers for next year.");
        await Site.ReplyAsync(bob, budget, "Is the garden in it?");
        await Site.StartThreadAsync(bob, [alice], "Holidays", "Who is away in August?");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages");

        await page.Locator("#um-search-q").FillAsync("lemonade");
        await page.Locator("#um-search-q").PressAsync("Enter");
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-page", "search");
        await page.ExpectSubjectsAsync("Garden party");

        await page.Locator("#um-search-q").FillAsync("garden");
        await page.Locator("#um-search-q").PressAsync("Enter");
        await Expect(page.Rows()).ToHaveCountAsync(2);
        await page.ExpectSubjectsAsync("Budget", "Garden party");

        await page.Locator("#um-search-q").FillAsync("g");
        await page.Locator("#um-search-q").PressAsync("Enter");
        await Expect(page.Locator("#um-search-error")).ToHaveAttributeAsync("role", "alert");
        await Expect(page.Locator("#um-search-error")).ToContainTextAsync("2");
    }
}
