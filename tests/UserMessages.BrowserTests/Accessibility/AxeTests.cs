using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UserMessages.Blocking;
using UserMessages.Domain;
using UserMessages.Sample.Data;
using UserMessages.Services;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Accessibility;

/// <summary>
/// axe-core over every messages page in the states people meet them in (unread messages, a system
/// line, errors, open suggestions, empty folders, a missing thread), in light and in dark colours:
/// no serious or critical violation, colour contrast included.
/// </summary>
public sealed class AxeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task EveryMessagesPage_HasNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var carol = await UserAsync("carol");
        var dave = await UserAsync("dave");
        var newcomer = await UserAsync("newcomer");
        var welcome = await Site.StartThreadAsync(bob, [alice], "Welcome aboard", "Hi Alice,\nglad you are here.");
        await Site.ReplyAsync(alice, welcome, "Thanks Bob!");
        await Site.ReplyAsync(bob, welcome, "Any questions, just ask.");
        var archived = await Site.StartThreadAsync(alice, [bob], "Old plans", "Let us keep this for later.");
        var deleted = await Site.StartThreadAsync(carol, [alice], "Spam?", "Not really.");
        var request = await Site.StartThreadAsync(dave, [alice], "Can we talk?", "We have not met yet.");
        await Site.WithServiceAsync<IUserMessagesService>(async messages =>
        {
            await messages.AddParticipantsAsync(bob.Id, welcome, [carol.Id]);
            await messages.ArchiveThreadAsync(alice.Id, archived);
            await messages.DeleteThreadAsync(alice.Id, deleted);
        });

        // The site's users know each other (requests off there): Alice's row of Dave's thread is made a request, as it
        // would be with requests on, so that the Requests folder and a request's page are checked too.
        await Site.WithServiceAsync<SampleDbContext>(db => db.ThreadParticipants
            .Where(p => p.ThreadId == request && p.UserId == alice.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, ParticipantState.Request)));
        await Site.WithServiceAsync<IUserBlockList>(blocks => blocks.BlockAsync(alice.Id, dave.Id));
        var options = new BrowserNewContextOptions { ColorScheme = scheme };
        var page = await SignedInAsync(alice, options);
        var violations = new List<string>();

        async Task CheckAsync(string path)
        {
            await page.GotoAsync(path);
            violations.AddRange(await page.SeriousViolationsAsync());
        }

        await CheckAsync("/");
        await CheckAsync("/messages");
        await ExpectColoursOfAsync(page, scheme);
        await CheckAsync($"/messages/thread/{welcome}");
        await Expect(page.Locator("#um-new")).ToBeVisibleAsync();
        await Expect(page.Locator(".um-system-line")).ToHaveCountAsync(1);
        await CheckAsync("/messages/requests");
        await Expect(page.Locator($"#um-thread-list [data-um-thread-id='{request}']")).ToBeVisibleAsync();
        await CheckAsync($"/messages/thread/{request}");
        await Expect(page.Locator("#um-request-answer #um-accept")).ToBeVisibleAsync();
        foreach (var path in new[] { "/messages/sent", "/messages/archive", "/messages/trash", "/messages/search?q=welcome", "/messages/search?q=w",
                     "/messages/blocked", "/messages/settings", "/messages/thread/987654321", "/messages/create" })
        {
            await CheckAsync(path);
        }

        await page.Locator("#um-to").PressSequentiallyAsync(bob.Typed);
        await Expect(page.Locator("#um-to-listbox [role='option']")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#um-to-listbox [aria-selected='true']")).ToBeVisibleAsync();
        violations.AddRange(await page.SeriousViolationsAsync());

        await page.Locator("#um-to").FillAsync("nobody-by-that-name@example.com");
        await page.Locator("#um-subject").FillAsync("Hello");
        await page.Locator("#um-content").FillAsync("Anyone?");
        await page.Locator("#um-send").ClickAsync();
        await Expect(page.Locator("#um-to-error")).ToBeVisibleAsync();
        violations.AddRange(await page.SeriousViolationsAsync());

        var empty = await SignedInAsync(newcomer, options);
        foreach (var path in new[] { "/messages", "/messages/trash" })
        {
            await empty.GotoAsync(path);
            await Expect(empty.Locator("#um-empty")).ToBeVisibleAsync();
            violations.AddRange(await empty.SeriousViolationsAsync());
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>The dark run really is dark (the sample follows the system's colour scheme), so contrast is checked on dark colours.</summary>
    private static async Task ExpectColoursOfAsync(IPage page, ColorScheme scheme)
    {
        var luminance = await page.Locator("#user-messages").EvaluateAsync<double>(
            """
            el => {
              const [r, g, b] = getComputedStyle(el).color.match(/[\d.]+/g).map(Number);
              return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            }
            """);
        if (scheme == ColorScheme.Dark)
        {
            Assert.True(luminance > 0.6, $"text of the dark pages should be light, was {luminance:F2}");
        }
        else
        {
            Assert.True(luminance < 0.4, $"text of the light pages should be dark, was {luminance:F2}");
        }
    }
}
