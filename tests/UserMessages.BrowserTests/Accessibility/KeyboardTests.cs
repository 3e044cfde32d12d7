using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Accessibility;

/// <summary>Using the messages pages with the keyboard alone: a sensible focus order and a focus one can see.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Folders = ["link:Inbox", "link:Sent", "link:Archive", "link:Trash", "um-blocked-link", "um-settings-link"];

    [SkippableFact]
    public async Task Inbox_TabVisitsSearchComposeFoldersActionsThenConversations_EachWithAVisibleFocus()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        await Site.StartThreadAsync(bob, [alice], "First", "One");
        await Site.StartThreadAsync(bob, [alice], "Second", "Two");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages");

        var stops = await TabThroughMessagesAsync(page);

        Assert.Equal(
            [
                "um-search-q", "button:Search", "um-compose", .. Folders,
                "button:Mark read", "button:Mark unread", "button:Mute", "button:Unmute", "button:Archive", "button:Delete",
                "checkbox:Select “Second”", "thread:Second", "checkbox:Select “First”", "thread:First",
            ],
            stops.Select(s => s.Name));
        Assert.All(stops, s => Assert.True(s.FocusVisible, $"{s.Name} shows no focus"));
    }

    [SkippableFact]
    public async Task Thread_TabReachesTheActionsTheReplyAndThePeople_EachWithAVisibleFocus()
    {
        var alice = await UserAsync("alice");
        var bob = await UserAsync("bob");
        var threadId = await Site.StartThreadAsync(bob, [alice], "Plans", "Shall we?");
        var page = await SignedInAsync(alice);
        await page.GotoAsync($"/messages/thread/{threadId}");

        var stops = await TabThroughMessagesAsync(page);

        Assert.Equal(
            [.. Folders, "link:← Inbox", "um-archive", "um-mark-unread", "um-mute", "um-delete", "um-leave", "link:Report the message from " + bob.DisplayName,
                "um-reply-content", "um-reply-files", "um-reply-send", "um-reply-preview", "summary:People in this conversation"],
            stops.Select(s => s.Name));
        Assert.All(stops, s => Assert.True(s.FocusVisible, $"{s.Name} shows no focus"));

        await page.Locator("#um-people summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#um-people")).ToHaveAttributeAsync("open", string.Empty);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Block " + bob.DisplayName })).ToBeFocusedAsync();
    }

    [SkippableFact]
    public async Task Compose_TabGoesToRecipientsSubjectMessageSend_EachWithAVisibleFocus()
    {
        var alice = await UserAsync("alice");
        var page = await SignedInAsync(alice);
        await page.GotoAsync("/messages/create");

        var stops = await TabThroughMessagesAsync(page);

        Assert.Equal([.. Folders, "link:← Inbox", "um-to", "um-subject", "um-content", "um-files", "um-send", "um-preview-button"], stops.Select(s => s.Name));
        Assert.All(stops, s => Assert.True(s.FocusVisible, $"{s.Name} shows no focus"));
    }

    private sealed class Stop
    {
        public string Name { get; set; } = string.Empty;

        public bool FocusVisible { get; set; }
    }

    /// <summary>
    /// Presses Tab from the top of the page until the focus leaves the messages part again, and
    /// notes every element inside it that got the focus (by id, or role and name) and whether the
    /// focus shows (an outline or a ring of box-shadow).
    /// </summary>
    private static async Task<IReadOnlyList<Stop>> TabThroughMessagesAsync(IPage page)
    {
        await page.Locator("body").FocusAsync();
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        var stops = new List<Stop>();
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<Stop?>(
                """
                () => {
                  const el = document.activeElement;
                  if (!el || el === document.body) return { name: "(page end)", focusVisible: false };
                  if (!el.closest(".um")) return null;
                  const style = getComputedStyle(el);
                  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
                  const ring = style.boxShadow && style.boxShadow !== "none";
                  const role = el.tagName === "A" ? "link" : el.tagName === "BUTTON" ? "button" : el.tagName === "SUMMARY" ? "summary"
                    : el.type === "checkbox" ? "checkbox" : el.tagName.toLowerCase();
                  const text = t => t.replace(/\s+/g, " ").trim();
                  const name = el.id ? el.id
                    : el.matches(".um-thread__link") ? "thread:" + text(el.querySelector(".um-thread__subject").textContent).replace(/^Unread: /, "")
                    : role + ":" + (el.getAttribute("aria-label") || text(el.textContent));
                  return { name, focusVisible: outline || ring };
                }
                """);
            if (stop is null)
            {
                if (stops.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (stop.Name == "(page end)")
            {
                break;
            }

            stops.Add(stop);
        }

        return stops;
    }
}
