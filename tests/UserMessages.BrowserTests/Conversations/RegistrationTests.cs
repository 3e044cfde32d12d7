using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>A newcomer's first visit, through the sample's real Identity UI pages.</summary>
public sealed class RegistrationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task Newcomer_Registers_WritesToSomeonePickedFromTheSuggestions_AndFindsTheThreadAfterLoggingBackIn()
    {
        var bob = await UserAsync("bob");
        var newcomer = new SiteUser(string.Empty, $"newcomer{Guid.NewGuid().ToString("N")[..8]}@example.com", "Newcomer-pass-1");
        var page = await NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator("#register").ClickAsync();
        await page.Locator("#Input_DisplayName").FillAsync("Nora Newcomer");
        await page.Locator("#Input_Email").FillAsync(newcomer.UserName);
        await page.Locator("#Input_Password").FillAsync(newcomer.Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(newcomer.Password);
        await page.Locator("#registerSubmit").ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(newcomer.UserName);

        await page.Locator("#um-unread-badge").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#um-empty")).ToBeVisibleAsync();

        await page.Locator("#um-compose").ClickAsync();
        await page.Locator("#um-to").PressSequentiallyAsync(bob.Typed);
        await page.GetByRole(AriaRole.Option, new() { Name = bob.DisplayName }).ClickAsync();
        await Expect(page.Locator("#um-to-chosen").GetByRole(AriaRole.Checkbox, new() { Name = bob.DisplayName })).ToBeCheckedAsync();
        await page.Locator("#um-subject").FillAsync("Hello from a newcomer");
        await page.Locator("#um-content").FillAsync("Hi Bob,\nI just joined.");
        await page.Locator("#um-send").ClickAsync();

        await Expect(page).ToHaveURLAsync(PageSteps.ThreadUrl());
        await Expect(page.Locator("#um-subject")).ToHaveTextAsync("Hello from a newcomer");
        await Expect(page.Locator("#um-participants")).ToContainTextAsync(bob.DisplayName);
        await Expect(page.Locator(".um-message__content")).ToHaveTextAsync("Hi Bob,\nI just joined.");

        await page.Locator("#logout").ClickAsync();
        await Expect(page.Locator("#login")).ToBeVisibleAsync();
        await page.GotoAsync("/messages");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Identity/Account/Login"));

        await page.LogInAsync(newcomer);
        await page.GotoAsync("/messages");
        await Expect(page.Row("Hello from a newcomer")).ToHaveAttributeAsync("data-um-unread", "false");

        var bobsPage = await SignedInAsync(bob);
        await bobsPage.GotoAsync("/messages");
        await Expect(bobsPage.Row("Hello from a newcomer")).ToHaveAttributeAsync("data-um-unread", "true");
        await Expect(bobsPage.Locator("#um-unread-badge")).ToHaveAttributeAsync("data-um-unread-count", "1");
    }
}
