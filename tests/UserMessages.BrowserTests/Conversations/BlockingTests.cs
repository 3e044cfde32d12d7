using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Blocking someone from the "Blocked users" page, and what the blocked person then sees.</summary>
public sealed class BlockingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task BlockedPerson_CannotWrite_TheRefusalReadsLikeAnUnknownName_AndUnblockingLetsThemWriteAgain()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        await Site.StartThreadAsync(alice, [bob], "Hello", "Do you have a minute?");
        var bobsPage = await SignedInAsync(bob);
        await bobsPage.GotoAsync("/messages");
        await bobsPage.Locator("#um-blocked-link").ClickAsync();
        await bobsPage.GetByLabel("Block a user").FillAsync(alice.UserName);
        await bobsPage.Locator("#um-block-send").ClickAsync();
        await Expect(bobsPage.Locator("#um-blocked-list [data-um-user-id]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(alice.DisplayName));

        var alicesPage = await SignedInAsync(alice);
        await alicesPage.GotoAsync("/messages/create");
        await alicesPage.Locator("#um-to").FillAsync(bob.UserName);
        await alicesPage.Locator("#um-subject").FillAsync("Why so quiet?");
        await alicesPage.Locator("#um-content").FillAsync("Hello?");
        await alicesPage.Locator("#um-send").ClickAsync();
        var refusal = await alicesPage.Locator("#um-to-error").InnerTextAsync();
        Assert.Equal($"You cannot send a message to “{bob.UserName}”.", refusal);
        await Expect(alicesPage.GetByRole(AriaRole.Alert)).ToContainTextAsync(refusal);

        await bobsPage.GetByRole(AriaRole.Button, new() { Name = "Unblock " + alice.DisplayName }).ClickAsync();
        await Expect(bobsPage.Locator("#um-empty")).ToBeVisibleAsync();

        await alicesPage.Locator("#um-send").ClickAsync();
        await Expect(alicesPage).ToHaveURLAsync(PageSteps.ThreadUrl());
        await bobsPage.GotoAsync("/messages");
        await Expect(bobsPage.Row("Why so quiet?")).ToHaveAttributeAsync("data-um-unread", "true");
    }
}
