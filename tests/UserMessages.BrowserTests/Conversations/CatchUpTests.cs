using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>
/// Issue 23, item 5: events lost on the way (here the browser's WebSocket drops everything the server sends for a while, as a
/// backplane that was down does) are caught up when the page next asks the hub for the state: here when it is shown again.
/// </summary>
public sealed class CatchUpTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>How long to wait for the dropped events (a bound on waiting, not a speed check).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task MessagesMissedByAnOpenThreadAndInbox_AppearWhenThePageIsShownAgain_WithoutAReload()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Moving day", "Can you help on Saturday?");

        var dropping = false;
        var dropped = 0;
        var bobsThread = await SignedInAsync(bob);
        await bobsThread.Context.RouteWebSocketAsync("**/messages/hub**", page =>
        {
            var server = page.ConnectToServer();
            page.OnMessage(frame => Forward(frame, server));
            server.OnMessage(frame =>
            {
                var events = (frame.Text ?? string.Empty).Split("\"messageSent\"").Length - 1;
                if (Volatile.Read(ref dropping) && events > 0)
                {
                    Interlocked.Add(ref dropped, events);
                    return;
                }

                Forward(frame, page);
            });
        });
        await bobsThread.GotoAsync($"/messages/thread/{threadId}");
        var bobsInbox = await bobsThread.Context.NewPageAsync();
        await bobsInbox.GotoAsync("/messages");
        foreach (var page in new[] { bobsThread, bobsInbox })
        {
            await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
            await page.EvaluateAsync("() => window.notReloaded = true");
        }

        Volatile.Write(ref dropping, true);
        await Site.ReplyAsync(alice, threadId, "I'll bring boxes.");
        await Site.StartThreadAsync(alice, [bob], "Housewarming", "Next Friday?");

        // Both messages reached both pages' connections, and were dropped there.
        for (var waited = TimeSpan.Zero; Volatile.Read(ref dropped) < 4 && waited < Patience; waited += TimeSpan.FromMilliseconds(50))
        {
            await Task.Delay(50);
        }

        Assert.Equal(4, Volatile.Read(ref dropped));
        Volatile.Write(ref dropping, false);
        await Expect(bobsThread.Locator("#um-messages .um-message")).ToHaveCountAsync(1);
        await Expect(bobsInbox.Row("Housewarming")).ToHaveCountAsync(0);

        foreach (var page in new[] { bobsThread, bobsInbox })
        {
            await page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");
        }

        await Expect(bobsThread.Locator("#um-messages .um-message")).ToHaveCountAsync(2);
        await Expect(bobsThread.Locator("#um-messages .um-message").Last.Locator(".um-message__content")).ToHaveTextAsync("I'll bring boxes.");
        await Expect(bobsInbox.Rows().First).ToContainTextAsync("Housewarming");
        await Expect(bobsInbox.Row("Housewarming")).ToHaveAttributeAsync("data-um-unread", "true");
        await Expect(bobsInbox.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "1");
        foreach (var page in new[] { bobsThread, bobsInbox })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        }
    }

    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        if (frame.Text is { } text)
        {
            to.Send(text);
        }
        else
        {
            to.Send(frame.Binary!);
        }
    }
}
