using Microsoft.Playwright;
using UserMessages.Services;
using UserMessages.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Look;

/// <summary>
/// The bundled look: the main pages fit a phone (390 px) and a desktop (1280 px) in light and dark
/// colours, and the stylesheet leaves the host's own pages alone. Writes the README's screenshots.
/// </summary>
public sealed class LookTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int Phone = 390;
    private const int Desktop = 1280;

    [SkippableFact]
    public async Task MainPages_FitPhoneAndDesktopWidths_InLightAndDark_AndAreSavedAsScreenshots()
    {
        var (alice, threadId) = await ShowcaseAsync();
        var shots = new (string Name, string Path, int Width, ColorScheme Scheme)[]
        {
            ("inbox-desktop", "/messages", Desktop, ColorScheme.Light),
            ("inbox-desktop-dark", "/messages", Desktop, ColorScheme.Dark),
            ("inbox-phone", "/messages", Phone, ColorScheme.Light),
            ("compose-desktop", "/messages/create", Desktop, ColorScheme.Light),
            ("compose-phone", "/messages/create", Phone, ColorScheme.Light),
            ("thread-desktop", $"/messages/thread/{threadId}", Desktop, ColorScheme.Light),
            ("thread-phone", $"/messages/thread/{threadId}", Phone, ColorScheme.Light),
            ("thread-phone-dark", $"/messages/thread/{threadId}", Phone, ColorScheme.Dark),
        };
        var pages = new Dictionary<(int, ColorScheme), IPage>();
        foreach (var (name, path, width, scheme) in shots)
        {
            if (!pages.TryGetValue((width, scheme), out var page))
            {
                page = await SignedInAsync(alice, new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = width == Phone ? 844 : 900 },
                    DeviceScaleFactor = 1,
                    ColorScheme = scheme,
                });
                pages[(width, scheme)] = page;
            }

            await page.GotoAsync(path);
            await Expect(page.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name}: the page scrolls sideways by {overflow}px at {width}px");
            var outside = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll(".um *")]
                  .filter(el => el.getClientRects().length > 0 && !el.closest(".um-visually-hidden"))
                  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1); })
                  .map(el => el.outerHTML.slice(0, 80))
                """);
            Assert.True(outside.Length == 0, $"{name}: cut off at {width}px: {string.Join(" | ", outside)}");
            await Screenshots.SaveAsync(page, name);
        }
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/messages")]
    public async Task Stylesheet_LeavesEverythingOutsideTheMessagesPartAsTheHostStyledIt(string path)
    {
        var alice = await UserAsync("alice");
        var page = await SignedInAsync(alice);
        await page.GotoAsync(path);

        var withSheet = await HostStylesAsync(page);
        // The package's stylesheet, fingerprinted (usermessages.abc123.css) when the host maps static assets.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => /usermessages(\\.[a-z0-9]+)?\\.css$/.test(s.href || ''))"));
        await page.EvaluateAsync("() => [...document.styleSheets].filter(s => /usermessages(\\.[a-z0-9]+)?\\.css$/.test(s.href || '')).forEach(s => s.disabled = true)");
        var withoutSheet = await HostStylesAsync(page);

        Assert.NotEmpty(withSheet);
        Assert.Equal(withoutSheet, withSheet);
    }

    /// <summary>The computed look of every element of the host's page outside the messages part and the badge.</summary>
    private static Task<string[]> HostStylesAsync(IPage page) => page.EvaluateAsync<string[]>(
        """
        () => {
          const props = ["color", "background-color", "font-family", "font-size", "font-weight", "line-height", "margin", "padding",
                         "border", "border-radius", "display", "width", "height", "box-shadow", "outline", "text-decoration", "box-sizing", "color-scheme"];
          return [...document.querySelectorAll("html, body, body *")]
            .filter(el => !el.closest(".um, .um-badge") && !["SCRIPT", "STYLE", "LINK"].includes(el.tagName))
            .map(el => { const s = getComputedStyle(el); return el.tagName + "." + el.className + " " + props.map(p => s.getPropertyValue(p)).join("|"); });
        }
        """);

    /// <summary>
    /// Alice's mailbox as a site owner would like to show it: a few conversations with some
    /// unread, at fixed dates (the site's clock is pinned while they are written).
    /// </summary>
    private async Task<(SiteUser Alice, long ThreadId)> ShowcaseAsync()
    {
        await RequireBrowserAsync();
        var alice = await Site.CreateUserAsync("alice@example.com", exactName: true);
        var bob = await Site.CreateUserAsync("bob@example.com", exactName: true);
        var carol = await Site.CreateUserAsync("carol@example.com", exactName: true);
        var dave = await Site.CreateUserAsync("dave@example.com", exactName: true);
        var erin = await Site.CreateUserAsync("erin@example.com", exactName: true);
        var at = new DateTimeOffset(2026, 11, 18, 8, 30, 0, TimeSpan.Zero);
        async Task<long> StartAsync(TimeSpan after, SiteUser from, SiteUser[] to, string subject, string content)
        {
            at += after;
            Site.Clock.Pin(at);
            return await Site.StartThreadAsync(from, to, subject, content);
        }

        async Task ReplyAsync(TimeSpan after, SiteUser from, long thread, string content)
        {
            at += after;
            Site.Clock.Pin(at);
            await Site.ReplyAsync(from, thread, content);
        }

        try
        {
            var parking = await StartAsync(TimeSpan.Zero, erin, [alice, bob, carol, dave], "Parking spaces from next week", "The garage on Elm Street closes for repairs on Monday; we have ten spaces at the station car park instead.");
            var books = await StartAsync(TimeSpan.FromDays(1.2), erin, [alice, carol], "Book club: December pick", "Three candidates this time. Vote by Friday!");
            await ReplyAsync(TimeSpan.FromHours(3), alice, books, "My vote goes to the one about the lighthouse keeper.");
            var slides = await StartAsync(TimeSpan.FromDays(2), alice, [carol], "Slides for Monday", "Carol, could you look over my slides before Monday?");
            await ReplyAsync(TimeSpan.FromHours(2), carol, slides, "Sure, send them over. I'll have time on Sunday evening.");
            var invoice = await StartAsync(TimeSpan.FromHours(3), dave, [alice], "Invoice 2026-118", "Hi Alice, the invoice for November is in the shared folder. Let me know if anything looks off.");
            var welcome = await StartAsync(TimeSpan.FromDays(1), bob, [alice], "Welcome to the team!", "Hi Alice,\nglad you joined. Ask me anything about the project.");
            await ReplyAsync(TimeSpan.FromMinutes(12), alice, welcome, "Thanks Bob! Where do I find the meeting notes?");
            await ReplyAsync(TimeSpan.FromMinutes(9), bob, welcome, "They are in the shared folder, under \"2026\".\nI'll send you the link after lunch.");
            await ReplyAsync(TimeSpan.FromMinutes(4), alice, welcome, "Perfect, thank you!");
            var lunch = await StartAsync(TimeSpan.FromHours(1), carol, [alice, bob, dave], "Lunch on Friday?", "The new place on Main Street, 12:30? Tell me by Thursday.");
            await ReplyAsync(TimeSpan.FromMinutes(25), bob, lunch, "Count me in.");
            await ReplyAsync(TimeSpan.FromMinutes(31), bob, welcome, "Here it is: shared/2026/meeting-notes. Tell me if the folder does not open for you.");
            await Site.WithServiceAsync<IUserMessagesService>(async messages =>
            {
                foreach (var read in new[] { parking, slides, invoice })
                {
                    await messages.MarkReadAsync(alice.Id, read);
                }
            });
            return (alice, welcome);
        }
        finally
        {
            Site.Clock.Release();
        }
    }
}
