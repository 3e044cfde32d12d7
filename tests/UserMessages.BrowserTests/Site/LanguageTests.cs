using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Site;

/// <summary>The sample's language switch, on a messages page.</summary>
public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task SwitchingToGerman_TranslatesTheMessagesPages_AndSwitchingBackRestoresEnglish()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(bob, [alice], "Grüße", "Hallo!");
        var page = await SignedInAsync(alice);
        await page.GotoAsync($"/messages/thread/{threadId}");

        await page.Locator("#language").SelectOptionAsync("de");
        await page.Locator("#language-apply").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/messages/thread/{threadId}$"));
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.Locator("#um-reply-send")).ToHaveTextAsync("Antwort senden");
        await page.Locator(".um-back").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Posteingang", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#um-compose")).ToHaveTextAsync("Neue Nachricht");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Nachrichtenordner" })).ToBeVisibleAsync();

        await page.Locator("#language").SelectOptionAsync("en");
        await page.Locator("#language-apply").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("lang", "en");
    }
}
