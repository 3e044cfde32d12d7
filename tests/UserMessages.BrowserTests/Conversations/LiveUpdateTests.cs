using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Replying, and what the other person sees arrive in their own browser without reloading.</summary>
public sealed class LiveUpdateTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task Reply_AppearsInTheOtherPersonsOpenThreadInboxAndBadge_WithoutAReload()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        await Site.StartThreadAsync(bob, [alice], "Older news", "Nothing new here.");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Moving day", "Can you help on Saturday?");

        var bobsThread = await SignedInAsync(bob);
        await bobsThread.GotoAsync($"/messages/thread/{threadId}");
        var bobsInbox = await bobsThread.Context.NewPageAsync();
        await bobsInbox.GotoAsync("/messages");
        await Expect(bobsInbox.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "0");
        await Expect(bobsInbox.Rows().First).ToContainTextAsync("Moving day");
        foreach (var page in new[] { bobsThread, bobsInbox })
        {
            await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
            await page.EvaluateAsync("() => window.notReloaded = true");
        }

        var alicesThread = await SignedInAsync(alice);
        await alicesThread.GotoAsync($"/messages/thread/{threadId}");
        await alicesThread.ReplyAsync("I'll bring boxes.\nAnd pizza.");
        await alicesThread.GotoAsync("/messages");
        await alicesThread.Row("Older news").ClickAsync();
        await alicesThread.ReplyAsync("Old news is good news.");

        var lastMessage = bobsThread.Locator("#um-messages .um-message").Last;
        await Expect(lastMessage.Locator(".um-message__content")).ToHaveTextAsync("I'll bring boxes.\nAnd pizza.");
        await Expect(lastMessage.Locator(".um-message__sender")).ToHaveTextAsync(alice.DisplayName);
        await Expect(bobsThread.Locator("#um-messages .um-message")).ToHaveCountAsync(2);

        await Expect(bobsInbox.Rows().First).ToContainTextAsync("Older news");
        await Expect(bobsInbox.Rows().First).ToHaveAttributeAsync("data-um-unread", "true");
        await Expect(bobsInbox.Rows().First.Locator(".um-thread__excerpt")).ToHaveTextAsync($"{alice.DisplayName}: Old news is good news.");

        // Bob had "Moving day" open and shown when Alice's reply arrived there: he has seen it, so his inbox shows it read and
        // his badge counts "Older news" alone.
        await Expect(bobsInbox.Row("Moving day")).ToHaveAttributeAsync("data-um-unread", "false");
        await Expect(bobsInbox.Row("Moving day").Locator(".um-dot")).ToHaveCountAsync(0);
        await Expect(bobsInbox.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "1");
        await Expect(bobsInbox.Locator("#um-unread-badge")).ToHaveAttributeAsync("aria-label", "Messages, 1 unread");

        foreach (var page in new[] { bobsThread, bobsInbox })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        }
    }

    [SkippableFact]
    public async Task NewConversation_AppearsAtTheTopOfTheRecipientsOpenInbox()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var bobsInbox = await SignedInAsync(bob);
        await bobsInbox.GotoAsync("/messages");
        await Expect(bobsInbox.Locator("#um-empty")).ToBeVisibleAsync();
        await Expect(bobsInbox.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        var alicesPage = await SignedInAsync(alice);
        await alicesPage.ComposeAsync([bob], "Surprise party", "Keep it secret!");

        var row = bobsInbox.Row("Surprise party");
        await Expect(row).ToHaveAttributeAsync("data-um-unread", "true");
        await Expect(bobsInbox.Locator("#um-empty")).ToBeHiddenAsync();
        await row.Locator("a").ClickAsync();
        await Expect(bobsInbox.Locator(".um-message__content")).ToHaveTextAsync("Keep it secret!");
    }
}
