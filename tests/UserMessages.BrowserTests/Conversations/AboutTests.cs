using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using UserMessages.BrowserTests.Look;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>
/// Issue 22, item 7: a conversation about one of the site's objects. "Ask about it" on the sample's home page opens the compose
/// form with the listing's card; the thread shows the card, the rows of the inbox and of Sent a tag; an unknown reference is refused;
/// the pages stay accessible.
/// </summary>
public sealed partial class AboutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Bicycle = "Blue city bicycle";
    private const string Unknown = "This conversation cannot be about that: it is unknown or not yours to write about.";

    [SkippableFact]
    public async Task AskAboutIt_FromTheHomePage_StartsAConversationAboutTheListing_ShownByItsCardAndTaggedInTheRows()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var alices = await SignedInAsync(alice);
        await alices.GotoAsync("/");
        await alices.Locator("#listing-1").GetByRole(AriaRole.Link, new() { Name = "Ask about it" }).ClickAsync();
        await Expect(alices).ToHaveURLAsync(ComposeAboutBicycle());

        // The compose form shows what the conversation will be about, and sends it back in a hidden field.
        await ExpectBicycleCardAsync(alices);
        await Expect(alices.Locator("#um-compose-form input[type='hidden'][name='About']")).ToHaveValueAsync("listing:1");

        await alices.Locator("#um-to").PressSequentiallyAsync(bob.Typed);
        await alices.Locator("#um-to-listbox").GetByRole(AriaRole.Option, new() { Name = bob.DisplayName }).ClickAsync();
        await Expect(alices.Locator("#um-to-chosen").GetByRole(AriaRole.Checkbox, new() { Name = bob.DisplayName })).ToBeCheckedAsync();
        await alices.Locator("#um-subject").FillAsync("Is it still for sale?");
        await alices.Locator("#um-content").FillAsync("Hello, is the bicycle still available?");
        await alices.Locator("#um-send").ClickAsync();

        // The thread page shows the card under the title.
        await Expect(alices).ToHaveURLAsync(PageSteps.ThreadUrl());
        await Expect(alices.Locator("#um-subject")).ToHaveTextAsync("Is it still for sale?");
        await Expect(alices.Locator("#um-participants")).ToContainTextAsync(bob.DisplayName);
        await ExpectBicycleCardAsync(alices);
        var threadUrl = alices.Url;

        // Alice's Sent row carries the tag.
        await alices.GotoAsync("/messages");
        await alices.OpenFolderAsync("sent");
        var sentRow = alices.Row("Is it still for sale?");
        await Expect(sentRow).ToHaveCountAsync(1);
        await Expect(sentRow.Locator("span.um-tag--about")).ToHaveTextAsync($"About: {Bicycle}");

        // Bob, in a window of his own: the tag in his inbox row, the card on the thread.
        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync("/messages");
        var inboxRow = bobs.Row("Is it still for sale?");
        await Expect(inboxRow).ToHaveCountAsync(1);
        await Expect(inboxRow).ToHaveAttributeAsync("data-um-unread", "true");
        await Expect(inboxRow.Locator("span.um-tag--about")).ToHaveTextAsync($"About: {Bicycle}");
        await inboxRow.Locator(".um-thread__link").ClickAsync();
        await Expect(bobs).ToHaveURLAsync(PageSteps.ThreadUrl());
        Assert.Equal(threadUrl, bobs.Url);
        await Expect(bobs.Locator("#um-messages .um-message__content")).ToHaveTextAsync(["Hello, is the bicycle still available?"]);
        await ExpectBicycleCardAsync(bobs);

        // The card's title leads to the listing on the home page.
        await bobs.Locator("#um-about .um-about__title").ClickAsync();
        await Expect(bobs).ToHaveURLAsync(new Regex("/#listing-1$"));
        await Expect(bobs.Locator("#listing-1")).ToContainTextAsync(Bicycle);
    }

    [SkippableFact]
    public async Task AnUnknownReference_ShowsTheError_AndNoCard()
    {
        var alice = await UserAsync("alice");
        var alices = await SignedInAsync(alice);
        await alices.GotoAsync("/messages/create?about=listing:999");

        var summary = alices.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync(Unknown);
        await Expect(alices.Locator("#um-about")).ToHaveCountAsync(0);
        await Expect(alices.Locator(".um-about")).ToHaveCountAsync(0);
        await Expect(alices.Locator("#um-compose-form input[name='About']")).ToHaveCountAsync(0);
        await Expect(alices.Locator("#um-to")).ToBeVisibleAsync();
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheComposeFormAndTheThreadWithTheCard_HaveNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var options = new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = 1280, Height = 900 } };
        var alices = await SignedInAsync(alice, options);
        await alices.GotoAsync("/messages/create?about=listing:1");
        await ExpectBicycleCardAsync(alices);
        var violations = (await alices.SeriousViolationsAsync()).ToList();

        await alices.Locator("#um-to").FillAsync(bob.UserName);
        await alices.Locator("#um-subject").FillAsync("The blue bicycle");
        await alices.Locator("#um-content").FillAsync("Could I come and see it on Saturday?");
        await alices.Locator("#um-send").ClickAsync();
        await Expect(alices).ToHaveURLAsync(PageSteps.ThreadUrl());
        await Expect(alices.Locator("#um-subject")).ToHaveTextAsync("The blue bicycle");
        await ExpectBicycleCardAsync(alices);
        await Expect(alices.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        violations.AddRange(await alices.SeriousViolationsAsync());
        if (scheme == ColorScheme.Light)
        {
            await Screenshots.SaveAsync(alices, "about-thread-desktop");
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>The bicycle's card: a landmark named for what it is, its picture (loaded), "About" and the title linked to the listing.</summary>
    private static async Task ExpectBicycleCardAsync(IPage page)
    {
        var card = page.Locator("aside#um-about");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToHaveAttributeAsync("aria-label", "What this conversation is about");
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "What this conversation is about" })).ToHaveCountAsync(1);
        await Expect(card.Locator("img.um-about__image")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#um-about img.um-about__image'); return i && i.complete && i.naturalWidth > 0; }");
        await Expect(card.Locator(".um-about__label")).ToHaveTextAsync("About");
        var title = card.Locator("a.um-about__title");
        await Expect(title).ToHaveTextAsync(Bicycle);
        await Expect(title).ToHaveAttributeAsync("href", "/#listing-1");
    }

    [GeneratedRegex(@"/messages/create\?about=listing(:|%3A)1$")]
    private static partial Regex ComposeAboutBicycle();
}
