using System.Text.Json;
using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using UserMessages.BrowserTests.Look;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>
/// Typing and seen: "Alice is typing…" reaches the others' open thread and goes with her message; "Seen by Bob" reaches the
/// sender's open thread without a reload; someone who does not share read receipts is not shown and sees none; the pages stay accessible.
/// </summary>
public sealed class TypingAndSeenTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task TypingInTheReplyBox_ShowsTheTypingLineInTheOtherPersonsOpenThread_AndTheMessageReplacesIt()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(bob, [alice], "Weekend", "Hiking on Saturday?");
        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        await Expect(bobs.Locator("#um-typing")).ToBeHiddenAsync();
        await Expect(bobs.Locator("#um-typing")).ToHaveAttributeAsync("role", "status");
        await Expect(bobs.Locator("#um-typing")).ToHaveAttributeAsync("aria-live", "polite");
        await bobs.EvaluateAsync("() => window.notReloaded = true");
        await bobs.EvaluateAsync(
            """
            () => {
              window.typingBatches = [];
              const line = document.getElementById("um-typing");
              const observer = new MutationObserver(records => window.typingBatches.push({
                hidden: records.some(r => r.target === line && line.hidden),
                shown: records.some(r => r.target === line && !line.hidden),
                message: records.some(r => r.type === "childList" && [...r.addedNodes].some(n => n.nodeType === 1 && n.matches("li.um-message"))),
              }));
              observer.observe(document.getElementById("um-messages"), { childList: true });
              observer.observe(line, { attributes: true, attributeFilter: ["hidden"] });
            }
            """);

        var alices = await SignedInAsync(alice);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await Expect(alices.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        await alices.Locator("#um-reply-content").PressSequentiallyAsync("Yes, ");

        await Expect(bobs.Locator("#um-typing")).ToBeVisibleAsync();
        await Expect(bobs.Locator("#um-typing")).ToContainTextAsync(alice.DisplayName);
        await Expect(bobs.Locator("#um-typing")).ToContainTextAsync("typing");
        await Expect(bobs.Locator("#um-typing")).ToHaveTextAsync($"{alice.DisplayName} is typing…");

        // Alice goes on typing (another signal is due three seconds after the first) and sends straight away.
        await alices.Locator("#um-reply-content").PressSequentiallyAsync("let's meet at nine.", new() { Delay = 200 });
        await alices.Locator("#um-reply-send").ClickAsync();
        await Expect(alices.Locator("#um-messages .um-message__content").Last).ToHaveTextAsync("Yes, let's meet at nine.");

        var last = bobs.Locator("#um-messages .um-message").Last;
        await Expect(last.Locator(".um-message__content")).ToHaveTextAsync("Yes, let's meet at nine.");
        await Expect(last).ToHaveAttributeAsync("data-um-sender-id", alice.Id);
        await Expect(bobs.Locator("#um-typing")).ToBeHiddenAsync();
        Assert.True(await bobs.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

        // The line went in the same moment the message arrived, not on its own before it.
        var batches = JsonSerializer.Deserialize<Batch[]>(await bobs.EvaluateAsync<string>("() => JSON.stringify(window.typingBatches)"), JsonSerializerOptions.Web)!;
        var arrival = Array.FindIndex(batches, b => b.Message);
        Assert.True(arrival >= 0, "the message was not added to the open thread");
        Assert.True(
            batches[arrival].Hidden,
            "the typing line was not hidden when Alice's message arrived; changes seen: " + string.Join(", ", batches.Select(b => b.ToString())));
    }

    [SkippableFact]
    public async Task SeenByTheRecipient_ReachesTheSendersOpenThread_WhenTheyOpenIt_AndWhenAMessageArrivesOnTheirOpenPage()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Lunch", "Lunch at noon?");
        var alices = await SignedInAsync(alice);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await Expect(alices.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        await Expect(alices.Locator("#user-messages")).ToHaveAttributeAsync("data-um-receipts", "on");
        await Expect(alices.Locator("#um-messages .um-message__seen")).ToHaveCountAsync(0);
        await alices.EvaluateAsync("() => window.notReloaded = true");

        // Bob opens the thread: Alice's open page names him under her message.
        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        var first = alices.Locator("#um-messages .um-message").First;
        await Expect(first).ToHaveAttributeAsync("data-um-sender-id", alice.Id);
        await Expect(first.Locator(".um-message__seen")).ToHaveTextAsync($"Seen by {bob.DisplayName}");

        // With Bob's page open and shown, a new message of Alice's arrives there; his page tells the server, hers shows it.
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        Assert.Equal("visible", await bobs.EvaluateAsync<string>("() => document.visibilityState"));
        await Site.ReplyAsync(alice, threadId, "Or one o'clock?");
        await Expect(bobs.Locator("#um-messages .um-message__content").Last).ToHaveTextAsync("Or one o'clock?");
        var second = alices.Locator("#um-messages .um-message").Last;
        await Expect(second.Locator(".um-message__content")).ToHaveTextAsync("Or one o'clock?");
        await Expect(second.Locator(".um-message__seen")).ToHaveTextAsync($"Seen by {bob.DisplayName}");
        await Expect(alices.Locator("#um-messages .um-message__seen")).ToHaveTextAsync([$"Seen by {bob.DisplayName}", $"Seen by {bob.DisplayName}"]);
        Assert.True(await alices.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

        // The page as the server writes it says the same; Bob, the viewer, is never listed on his own page.
        await alices.ReloadAsync();
        await Expect(alices.Locator("#um-messages .um-message__seen")).ToHaveTextAsync([$"Seen by {bob.DisplayName}", $"Seen by {bob.DisplayName}"]);
        await Expect(bobs.Locator("#um-messages .um-message__seen")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task SomeoneWhoDoesNotShareReadReceipts_IsNotShownAsHavingSeen_AndSeesNoReceipts()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(bob, [alice], "Plans", "Are you free on Sunday?");

        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync("/messages/settings");
        await Expect(bobs.Locator("#um-receipts")).ToBeCheckedAsync();
        await Expect(bobs.GetByLabel("Share read receipts")).ToHaveAttributeAsync("aria-describedby", "um-receipts-hint");
        await bobs.GetByLabel("Share read receipts").UncheckAsync();
        await bobs.Locator("#um-settings-save").ClickAsync();
        await Expect(bobs.Locator("#um-saved")).ToBeVisibleAsync();
        await Expect(bobs.Locator("#um-receipts")).Not.ToBeCheckedAsync();

        // Alice opens the thread (so she has seen Bob's message) and answers from it.
        var alices = await SignedInAsync(alice);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await alices.ReplyAsync("Sunday works. Brunch?");
        await Expect(alices.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        await alices.EvaluateAsync("() => window.notReloaded = true");

        // Bob opens it, then answers: his answer reaches Alice's open page after anything his opening it sent her.
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-receipts", "off");
        await bobs.ReplyAsync("Brunch it is.");
        await Expect(alices.Locator("#um-messages .um-message__content").Last).ToHaveTextAsync("Brunch it is.");
        var alicesMessage = alices.Locator("#um-messages .um-message", new() { Has = alices.Locator(".um-message__content", new() { HasText = "Sunday works. Brunch?" }) });
        await Expect(alicesMessage).ToHaveAttributeAsync("data-um-sender-id", alice.Id);
        await Expect(alicesMessage.Locator(".um-message__seen")).ToHaveCountAsync(0);
        Assert.True(await alices.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

        // Reloaded (which also marks Bob's answer seen by Alice): still nobody under Alice's message.
        await alices.ReloadAsync();
        await Expect(alices.Locator("#user-messages")).ToHaveAttributeAsync("data-um-receipts", "on");
        await Expect(alicesMessage).ToHaveCountAsync(1);
        await Expect(alicesMessage.Locator(".um-message__seen")).ToHaveCountAsync(0);
        await Expect(alices.Locator("#um-messages .um-message__seen")).ToHaveCountAsync(0);

        // Bob sees no receipts, though Alice has seen both of his messages.
        await bobs.ReloadAsync();
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-receipts", "off");
        await Expect(bobs.Locator("#um-messages .um-message")).ToHaveCountAsync(3);
        await Expect(bobs.Locator("#um-messages .um-message__seen")).ToHaveCountAsync(0);
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AThreadWithAReceiptAndTheTypingLine_AndTheSettingsPage_HaveNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Weekend", "Shall we go hiking on Saturday?");
        var options = new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = 1280, Height = 900 } };
        var alices = await SignedInAsync(alice, options);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await Expect(alices.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        var bobs = await SignedInAsync(bob, options);
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await Expect(alices.Locator("#um-messages .um-message__seen")).ToHaveTextAsync($"Seen by {bob.DisplayName}");
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        // Bob keeps typing while the page is checked, so the line stays.
        var violations = new List<string>();
        using (var typing = new CancellationTokenSource())
        {
            var keepTyping = KeepTypingAsync(bobs, typing.Token);
            try
            {
                await Expect(alices.Locator("#um-typing")).ToHaveTextAsync($"{bob.DisplayName} is typing…");
                violations.AddRange(await alices.SeriousViolationsAsync());
                if (scheme == ColorScheme.Light)
                {
                    await Screenshots.SaveAsync(alices, "typing-seen-desktop");
                }

                await Expect(alices.Locator("#um-typing")).ToBeVisibleAsync();
            }
            finally
            {
                await typing.CancelAsync();
                await keepTyping;
            }
        }

        await alices.GotoAsync("/messages/settings");
        await Expect(alices.Locator("#um-receipts")).ToBeVisibleAsync();
        violations.AddRange(await alices.SeriousViolationsAsync());
        await alices.Locator("#um-receipts").UncheckAsync();
        await alices.Locator("#um-settings-save").ClickAsync();
        await Expect(alices.Locator("#um-saved")).ToBeVisibleAsync();
        violations.AddRange(await alices.SeriousViolationsAsync());

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>Types a letter into the reply box every second until cancelled (the page signals at most every three seconds).</summary>
    private static async Task KeepTypingAsync(IPage page, CancellationToken cancellationToken)
    {
        var box = page.Locator("#um-reply-content");
        while (!cancellationToken.IsCancellationRequested)
        {
            await box.PressSequentiallyAsync("a");
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One batch of changes on the watched page: the typing line hidden or shown, a message added.</summary>
    private sealed record Batch(bool Hidden, bool Shown, bool Message);
}
