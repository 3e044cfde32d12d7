using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using UserMessages.BrowserTests.Look;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Issue 22, item 4: a muted thread's new message reaches the open inbox but does not raise the badge; the pages stay accessible.</summary>
public sealed class MuteTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task AMutedThread_DoesNotRaiseTheBadgeOnTheOpenInbox_WhileAnotherThreadDoes()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var noisy = await Site.StartThreadAsync(alice, [bob], "Noisy group", "Hello all");
        var quiet = await Site.StartThreadAsync(alice, [bob], "Dinner", "Tonight?");
        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync($"/messages/thread/{noisy}");
        await bobs.Locator("#um-mute").ClickAsync();
        await Expect(bobs.Locator("#um-muted")).ToBeVisibleAsync();
        await Expect(bobs.Locator("#um-unmute")).ToBeVisibleAsync();
        await bobs.GotoAsync($"/messages/thread/{quiet}");
        await bobs.GotoAsync("/messages");
        await Expect(bobs.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "0");
        await Expect(bobs.Row("Noisy group").Locator("[data-um-tag='muted']")).ToHaveTextAsync("Muted");
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        await Site.ReplyAsync(alice, noisy, "Yet another message for everyone");
        await Expect(bobs.Rows().First).ToContainTextAsync("Noisy group");
        await Expect(bobs.Rows().First.Locator(".um-thread__excerpt")).ToContainTextAsync("Yet another message");
        await Expect(bobs.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "0");

        await Site.ReplyAsync(alice, quiet, "Eight o'clock?");
        await Expect(bobs.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "1");
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AMutedThreadAndTheInboxShowingIt_HaveNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Noisy group", "Hello all");
        var bobs = await SignedInAsync(bob, new BrowserNewContextOptions { ColorScheme = scheme });
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await bobs.Locator("#um-mute").ClickAsync();
        await Expect(bobs.Locator("#um-muted")).ToBeVisibleAsync();
        var violations = (await bobs.SeriousViolationsAsync()).ToList();
        await bobs.GotoAsync("/messages");
        await Expect(bobs.Row("Noisy group").Locator("[data-um-tag='muted']")).ToBeVisibleAsync();
        violations.AddRange(await bobs.SeriousViolationsAsync());
        if (scheme == ColorScheme.Light)
        {
            await Screenshots.SaveAsync(bobs, "muted-inbox-desktop");
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
