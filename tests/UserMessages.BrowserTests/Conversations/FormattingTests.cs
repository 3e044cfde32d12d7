using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using UserMessages.BrowserTests.Look;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Issue 22, item 1: a message in Markdown arrives formatted on an open page, the Preview button shows it first, and both pages stay accessible.</summary>
public sealed class FormattingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Source = "Packing list for **Saturday**:\n\n- boxes\n- tape\n\n> bring *gloves*\n\nMap: https://example.com/map and [this](javascript:alert(1))\n\n`room 4b`";

    [SkippableFact]
    public async Task AFormattedReply_ArrivesFormattedOnTheOtherPersonsOpenThread_WithSafeLinksOnly()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Moving day", "Can you help?");
        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        var alices = await SignedInAsync(alice);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await alices.Locator("#um-reply-content").FillAsync(Source);
        await alices.Locator("#um-reply-send").ClickAsync();
        await Expect(alices.Locator("#um-messages .um-message")).ToHaveCountAsync(2);

        var live = bobs.Locator("#um-messages .um-message").Last.Locator(".um-message__content");
        await Expect(live.Locator("strong")).ToHaveTextAsync("Saturday");
        await Expect(live.Locator("ul > li")).ToHaveTextAsync(["boxes", "tape"]);
        await Expect(live.Locator("blockquote em")).ToHaveTextAsync("gloves");
        await Expect(live.Locator("code")).ToHaveTextAsync("room 4b");
        await Expect(live.Locator("a")).ToHaveCountAsync(1);
        await Expect(live.Locator("a")).ToHaveAttributeAsync("href", "https://example.com/map");
        await Expect(live.Locator("a")).ToHaveAttributeAsync("rel", "nofollow ugc noopener noreferrer");
        Assert.Contains("this", await live.TextContentAsync(), StringComparison.Ordinal);

        // What arrived live is what the page shows after a reload.
        var arrived = await live.InnerHTMLAsync();
        await bobs.ReloadAsync();
        Assert.Equal(Normalized(arrived), Normalized(await bobs.Locator("#um-messages .um-message").Last.Locator(".um-message__content").InnerHTMLAsync()));
    }

    [SkippableFact]
    public async Task ThePreviewButton_ShowsTheReplyFormatted_AndKeepsTheTextAndTheDraft_UntilSent()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(bob, [alice], "Weekend", "Any plans?");
        var page = await SignedInAsync(alice);
        await page.GotoAsync($"/messages/thread/{threadId}");

        await page.Locator("#um-reply-content").FillAsync("*Hiking*, if it stays dry.");
        await page.Locator("#um-reply-preview").ClickAsync();

        await Expect(page.Locator("#um-preview em")).ToHaveTextAsync("Hiking");
        await Expect(page.Locator("#um-reply-content")).ToHaveValueAsync("*Hiking*, if it stays dry.");
        await Expect(page.Locator("#um-messages .um-message")).ToHaveCountAsync(1);
        Assert.EndsWith("#um-preview", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => Object.keys(localStorage).some(k => k.startsWith('um-draft:'))"));

        await page.Locator("#um-reply-send").ClickAsync();
        await Expect(page.Locator("#um-messages .um-message__content").Last.Locator("em")).ToHaveTextAsync("Hiking");
        await Expect(page.Locator("#um-preview")).ToHaveCountAsync(0);
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AFormattedThread_AndAPreview_HaveNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Moving day", Source);
        await Site.ReplyAsync(bob, threadId, "Sure! I'll bring:\n\n1. the van\n2. **snacks**\n\n```\nleave at 9:00\n```");
        var page = await SignedInAsync(bob, new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync($"/messages/thread/{threadId}");
        await Expect(page.Locator("#um-messages pre code")).ToHaveTextAsync("leave at 9:00");
        var violations = (await page.SeriousViolationsAsync()).ToList();
        if (scheme == ColorScheme.Light)
        {
            await Screenshots.SaveAsync(page, "formatting-thread-desktop");
        }

        await page.Locator("#um-reply-content").FillAsync("See you at **nine**.");
        await page.Locator("#um-reply-preview").ClickAsync();
        await Expect(page.Locator("#um-preview strong")).ToHaveTextAsync("nine");
        violations.AddRange(await page.SeriousViolationsAsync());

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static string Normalized(string html) => string.Join(' ', html.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace("<br />", "<br>", StringComparison.Ordinal);
}
