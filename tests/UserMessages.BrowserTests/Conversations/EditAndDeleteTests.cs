using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Conversations;

/// <summary>Issue 22, item 3: the sender edits or deletes their message; the other person's open thread shows it without a reload.</summary>
public sealed class EditAndDeleteTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task AnEditAndADeletion_ReachTheOtherPersonsOpenThread_AndTheEarlierTextStaysVisible()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(bob, [alice], "Dinner", "Where shall we eat?");
        var bobs = await SignedInAsync(bob);
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await Expect(bobs.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
        await bobs.EvaluateAsync("() => window.notReloaded = true");

        var alices = await SignedInAsync(alice);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await alices.ReplyAsync("The pizza place at 7.");
        await alices.ReplyAsync("Or sushi?");
        var first = alices.Locator("#um-messages .um-message").Nth(1);

        // Edit, with the keyboard's Enter on the link and the form's save.
        await first.Locator("a[data-um-action='edit']").ClickAsync();
        await Expect(alices.Locator("#um-edit-content")).ToHaveValueAsync("The pizza place at 7.");
        await alices.Locator("#um-edit-content").FillAsync("The pizza place at **8**.");
        await alices.Locator("#um-edit-save").ClickAsync();
        await Expect(alices.Locator("#um-messages .um-message").Nth(1).Locator(".um-message__content strong")).ToHaveTextAsync("8");

        var bobsFirst = bobs.Locator("#um-messages .um-message").Nth(1);
        await Expect(bobsFirst.Locator(".um-message__content strong")).ToHaveTextAsync("8");
        await Expect(bobsFirst.Locator(".um-message__edited")).ToHaveTextAsync("edited");

        // Delete the second: both see the placeholder.
        await alices.Locator("#um-messages .um-message").Nth(2).Locator("button[data-um-action='delete-message']").ClickAsync();
        await Expect(alices.Locator("#um-messages [data-um-kind='deleted']")).ToContainTextAsync($"{alice.DisplayName} deleted a message.");
        await Expect(bobs.Locator("#um-messages [data-um-kind='deleted']")).ToContainTextAsync($"{alice.DisplayName} deleted a message.");
        await Expect(bobs.Locator("#um-messages")).Not.ToContainTextAsync("Or sushi?");
        Assert.True(await bobs.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");

        // After a reload, "edited" links to the earlier text.
        await bobs.ReloadAsync();
        await bobs.Locator("#um-messages a[data-um-edited]").ClickAsync();
        await Expect(bobs.Locator("#um-versions li")).ToHaveCountAsync(1);
        await Expect(bobs.Locator("#um-versions li .um-message__content")).ToHaveTextAsync("The pizza place at 7.");
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheEditPage_TheVersionsPage_AndAThreadWithEditedAndDeletedMessages_HaveNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(alice, [bob], "Plans", "First draft of the plan.");
        var options = new BrowserNewContextOptions { ColorScheme = scheme };
        var alices = await SignedInAsync(alice, options);
        await alices.GotoAsync($"/messages/thread/{threadId}");
        await alices.ReplyAsync("This one goes.");
        await alices.Locator("#um-messages .um-message").First.Locator("a[data-um-action='edit']").ClickAsync();
        var violations = (await alices.SeriousViolationsAsync()).ToList();
        await alices.Locator("#um-edit-content").FillAsync("Second draft of the plan.");
        await alices.Locator("#um-edit-save").ClickAsync();
        await alices.Locator("#um-messages .um-message").Nth(1).Locator("button[data-um-action='delete-message']").ClickAsync();
        await Expect(alices.Locator("#um-messages [data-um-kind='deleted']")).ToBeVisibleAsync();
        violations.AddRange(await alices.SeriousViolationsAsync());

        var bobs = await SignedInAsync(bob, options);
        await bobs.GotoAsync($"/messages/thread/{threadId}");
        await Expect(bobs.Locator("#um-messages a[data-um-edited]")).ToBeVisibleAsync();
        violations.AddRange(await bobs.SeriousViolationsAsync());
        await bobs.Locator("#um-messages a[data-um-edited]").ClickAsync();
        await Expect(bobs.Locator("#um-versions")).ToBeVisibleAsync();
        violations.AddRange(await bobs.SeriousViolationsAsync());

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
