using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Writing to several people with the keyboard-driven type-ahead, and a form that comes back with errors.</summary>
public sealed class ComposeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task SeveralRecipients_PickedWithTypeArrowDownEnter_AllJoinOneConversation_ShownByTheirPublicNames()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var carol = await UserAsync("carol");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages/create");
        var to = page.Locator("#um-to");
        var listbox = page.Locator("#um-to-listbox");

        await Expect(to).ToHaveAttributeAsync("role", "combobox");
        await Expect(to).ToHaveAttributeAsync("aria-controls", "um-to-listbox");
        await Expect(to).ToHaveAttributeAsync("aria-expanded", "false");
        await to.FocusAsync();
        await page.Keyboard.TypeAsync(bob.Typed);
        await Expect(listbox).ToBeVisibleAsync();
        await Expect(to).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(listbox.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("ArrowDown");
        var option = listbox.GetByRole(AriaRole.Option, new() { Name = bob.DisplayName });
        await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(to).ToHaveAttributeAsync("aria-activedescendant", (await option.GetAttributeAsync("id"))!);
        await page.Keyboard.PressAsync("Enter");
        var chosen = page.Locator("#um-to-chosen");
        await Expect(chosen.GetByRole(AriaRole.Checkbox, new() { Name = bob.DisplayName })).ToBeCheckedAsync();
        await Expect(to).ToHaveValueAsync(string.Empty);
        await Expect(to).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(listbox).ToBeHiddenAsync();
        await Expect(to).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync(carol.Typed);
        await Expect(listbox.GetByRole(AriaRole.Option, new() { Name = carol.DisplayName })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(chosen.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(2);
        await Expect(chosen.GetByRole(AriaRole.Checkbox, new() { Name = carol.DisplayName })).ToBeCheckedAsync();
        await Expect(to).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain("@", await page.Locator("#um-compose-form").InnerTextAsync(), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#um-subject")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Team lunch");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#um-content")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Thursday at noon?");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#um-files")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#um-send")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(PageSteps.ThreadUrl());
        await Expect(page.Locator("#um-participants")).ToContainTextAsync(bob.DisplayName);
        await Expect(page.Locator("#um-participants")).ToContainTextAsync(carol.DisplayName);
        var carolsPage = await SignedInAsync(carol);
        await carolsPage.GotoAsync("/messages");
        await Expect(carolsPage.Row("Team lunch")).ToHaveAttributeAsync("data-um-unread", "true");
    }

    [SkippableFact]
    public async Task Escape_ClosesTheSuggestions_AndKeepsWhatWasTyped()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages/create");

        await page.Locator("#um-to").PressSequentiallyAsync(bob.Typed);
        await Expect(page.Locator("#um-to-listbox")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("#um-to-listbox")).ToBeHiddenAsync();
        await Expect(page.Locator("#um-to")).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#um-to")).ToHaveValueAsync(bob.Typed);
    }

    [SkippableFact]
    public async Task UnknownRecipient_TheErrorIsAnnounced_TiedToTheField_AndNothingTypedIsLost()
    {
        var alice = await UserAsync("alice");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages/create");

        await page.Locator("#um-to").FillAsync("nobody-by-that-name@example.com");
        await page.Locator("#um-subject").FillAsync("Anyone there?");
        await page.Locator("#um-content").FillAsync("Hello?");
        await page.Locator("#um-send").ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("nobody-by-that-name@example.com");
        await Expect(summary).ToBeFocusedAsync();
        var to = page.Locator("#um-to");
        await Expect(to).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = (await to.GetAttributeAsync("aria-describedby"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("um-to-error", describedBy);
        await Expect(page.Locator("#um-to-error")).ToContainTextAsync("nobody-by-that-name@example.com");
        await Expect(to).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("nobody-by-that-name@example.com"));
        await Expect(page.Locator("#um-subject")).ToHaveValueAsync("Anyone there?");
        await Expect(page.Locator("#um-content")).ToHaveValueAsync("Hello?");
    }
}
