using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UserMessages.BrowserTests.Infrastructure;
using UserMessages.BrowserTests.Look;
using UserMessages.Domain;
using UserMessages.Sample.Data;
using static Microsoft.Playwright.Assertions;

namespace UserMessages.BrowserTests.Accessibility;

/// <summary>
/// Issue 21 in the browser: a participant reports a message and a moderator removes it with the keyboard alone, the
/// removal reaching the open thread live; every reporting and moderation page passes axe in light and dark colours.
/// </summary>
public sealed class ModerationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [SkippableFact]
    public async Task ReportingAndRemoving_WorkWithTheKeyboardAlone_AndTheRemovalReachesTheOpenThreadLive()
    {
        await RequireBrowserAsync();
        var mia = await Site.CreateUserAsync("mia@example.com", exactName: true);
        var sam = await Site.CreateUserAsync("sam@example.com", exactName: true);
        var tom = await Site.CreateUserAsync("tom@example.com", exactName: true);
        await MakeModeratorAsync(mia);
        Site.Clock.Pin(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero));
        long threadId;
        try
        {
            threadId = await Site.StartThreadAsync(sam, [tom], "Great offer for you", "Hi Tom, cheap watches at watches-4-less, today only!");
            await Site.ReplyAsync(tom, threadId, "Who are you?");
            await Site.ReplyAsync(sam, threadId, "Send me your card number and I'll reserve one.");
        }
        finally
        {
            Site.Clock.Release();
        }

        var offending = await Site.WithServiceAsync<SampleDbContext, long>(db => db.Messages.Where(m => m.ThreadId == threadId && m.SenderId == sam.Id).MaxAsync(m => m.Id));

        // Tom reports Sam's last message: Tab to its Report link, a reason by Space, a note, then the button by Enter
        // (at a pinned time, so that the screenshots below stay the same from run to run; signed in at the real time, so that
        // the sign-in has not expired when the clock is released).
        var toms = await SignedInAsync(tom);
        Site.Clock.Pin(new DateTimeOffset(2026, 11, 20, 10, 40, 0, TimeSpan.Zero));
        try
        {
            await toms.GotoAsync($"/messages/thread/{threadId}");
            await Expect(toms.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");
            var report = toms.Locator($"#message-{offending} [data-um-action='report']");
            await TabUntilFocusedAsync(toms, report);
            await toms.Keyboard.PressAsync("Enter");
            await Expect(toms.Locator("#um-report-form")).ToBeVisibleAsync();
            await TabUntilFocusedAsync(toms, toms.Locator("#um-reason-spam"));
            await toms.Keyboard.PressAsync("Space");
            await toms.Keyboard.PressAsync("Tab");
            await toms.Keyboard.TypeAsync("Asks for card numbers.");
            await toms.Keyboard.PressAsync("Tab");
            await Expect(toms.Locator("#um-report-block")).ToBeFocusedAsync();
            await toms.Keyboard.PressAsync("Tab");
            await Expect(toms.Locator("#um-report-send")).ToBeFocusedAsync();
            await toms.Keyboard.PressAsync("Enter");
            await Expect(toms.Locator($"#message-{offending} [data-um-reported]")).ToBeVisibleAsync();
        }
        finally
        {
            Site.Clock.Release();
        }

        await Expect(toms.Locator("#user-messages")).ToHaveAttributeAsync("data-um-live", "connected");

        // Mia finds it in the queue (the site's other tests' reports closed, for the screenshot) and removes the message:
        // the first radio, Arrow Down to "Remove", a reason, Enter.
        await Site.WithServiceAsync<SampleDbContext>(db => db.Set<MessageReport>()
            .Where(r => r.MessageId != offending && r.Status == ReportStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportStatus.Dismissed)));
        var queue = await SignedInAsync(mia);
        await queue.GotoAsync("/messages/moderation");
        var row = queue.Locator("#um-reports [data-um-report-id]").First;
        await Expect(row).ToContainTextAsync("Send me your card number");
        await Expect(row).ToContainTextAsync("Reported by Tom");
        var reportId = await row.GetAttributeAsync("data-um-report-id");
        await Screenshots.SaveAsync(queue, "moderation-queue-desktop");
        await TabUntilFocusedAsync(queue, row.Locator("a"));
        await queue.Keyboard.PressAsync("Enter");
        await Expect(queue.Locator("#um-decision-form")).ToBeVisibleAsync();
        await Expect(queue.Locator("#um-messages [data-um-highlighted]")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(queue, "moderation-report-desktop");
        await TabUntilFocusedAsync(queue, queue.Locator("#um-decision-dismiss"));
        await queue.Keyboard.PressAsync("ArrowDown");
        await Expect(queue.Locator("#um-decision-remove")).ToBeCheckedAsync();
        await queue.Keyboard.PressAsync("Tab");
        await Expect(queue.Locator("#um-duration")).ToBeFocusedAsync();
        await queue.Keyboard.PressAsync("Tab");
        await queue.Keyboard.TypeAsync("Phishing.");
        await queue.Keyboard.PressAsync("Tab");
        await Expect(queue.Locator("#um-decide")).ToBeFocusedAsync();
        await queue.Keyboard.PressAsync("Enter");
        await Expect(queue.Locator("#user-messages")).ToHaveAttributeAsync("data-um-page", "moderation");
        await Expect(queue.Locator($"[data-um-report-id='{reportId}']")).ToHaveCountAsync(0);

        // Tom's open thread shows the line in the message's place without a reload; the log names what Mia did.
        await Expect(toms.Locator($"#message-{offending}[data-um-kind='removed']")).ToContainTextAsync("removed by a moderator");
        await Expect(toms.Locator("#um-messages")).Not.ToContainTextAsync("card number");
        await queue.GotoAsync("/messages/moderation/log");
        await Expect(queue.Locator("#um-log tr[data-um-action='removedmessage']").First).ToContainTextAsync("Phishing.");
    }

    [SkippableTheory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task ReportingAndModerationPages_HaveNoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        var moderator = await UserAsync("moderator");
        var sender = await UserAsync("sender");
        var reader = await UserAsync("reader");
        await MakeModeratorAsync(moderator);
        var threadId = await Site.StartThreadAsync(sender, [reader, moderator], "A loud thread", "First message, fine.");
        await Site.ReplyAsync(sender, threadId, "Second message, rude.");
        await Site.ReplyAsync(reader, threadId, "Please stop.");
        await Site.ReplyAsync(sender, threadId, "Third message, removed.");
        var reportId = 0L;
        await Site.WithServiceAsync<SampleDbContext>(async db =>
        {
            var ids = await db.Messages.Where(m => m.ThreadId == threadId && m.SenderId == sender.Id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
            var reported = new MessageReport
            {
                ThreadId = threadId, MessageId = ids[1], ReporterId = reader.Id, SenderId = sender.Id, Reason = ReportReason.Harassment,
                Note = "Rude to everyone.", MessageContent = "Second message, rude.", ReportedAt = DateTime.UtcNow,
            };
            db.Add(reported);
            await db.Messages.Where(m => m.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(m => m.Kind, MessageKind.Removed).SetProperty(m => m.Content, string.Empty));
            db.Add(new HeldMessage { SenderId = sender.Id, ThreadId = threadId, Content = "See https://example.com", HeldAt = DateTime.UtcNow, Reason = "A link from a new account." });
            db.Add(new MessagingSuspension { UserId = sender.Id, StartedAt = DateTime.UtcNow, EndsAt = DateTime.UtcNow.AddDays(7), ModeratorId = moderator.Id, Reason = "Cooling off." });
            db.Add(new ModerationLogEntry { At = DateTime.UtcNow, ModeratorId = moderator.Id, Action = ModerationAction.Suspended, UserId = sender.Id, EndsAt = DateTime.UtcNow.AddDays(7), Note = "Cooling off." });
            await db.SaveChangesAsync();
            reportId = reported.Id;
        });
        var options = new BrowserNewContextOptions { ColorScheme = scheme };
        var violations = new List<string>();
        async Task CheckAsync(IPage page, string path, string expected)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(expected).First).ToBeVisibleAsync();
            violations.AddRange(await page.SeriousViolationsAsync());
        }

        var readers = await SignedInAsync(reader, options);
        await CheckAsync(readers, $"/messages/thread/{threadId}", "[data-um-kind='removed']");
        await CheckAsync(readers, $"/messages/thread/{threadId}/report/{await FirstOfAsync(threadId, sender)}", "#um-report-form");
        var senders = await SignedInAsync(sender, options);
        await CheckAsync(senders, $"/messages/thread/{threadId}", "#um-awaiting-review");
        var moderators = await SignedInAsync(moderator, options);
        await CheckAsync(moderators, "/messages/moderation", "#um-reports");
        await CheckAsync(moderators, $"/messages/moderation/reports/{reportId}", "#um-decision-form");
        await CheckAsync(moderators, "/messages/moderation/held", "#um-held");
        await CheckAsync(moderators, "/messages/moderation/suspensions", "#um-suspensions");
        await CheckAsync(moderators, "/messages/moderation/log", "#um-log");

        // A refused decision shows its errors accessibly too.
        await moderators.GotoAsync($"/messages/moderation/reports/{reportId}");
        await moderators.EvaluateAsync("() => document.querySelectorAll('#um-decision-form [required]').forEach(e => e.removeAttribute('required'))");
        await moderators.Locator("#um-decide").ClickAsync();
        await Expect(moderators.Locator("#um-decision-error")).ToBeVisibleAsync();
        violations.AddRange(await moderators.SeriousViolationsAsync());

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private Task MakeModeratorAsync(SiteUser user)
        => Site.WithServiceAsync<UserManager<IdentityUser>>(async users =>
            await users.AddClaimAsync((await users.FindByIdAsync(user.Id))!, new Claim(ClaimTypes.Role, "Moderator")));

    private Task<long> FirstOfAsync(long threadId, SiteUser sender)
        => Site.WithServiceAsync<SampleDbContext, long>(db => db.Messages.Where(m => m.ThreadId == threadId && m.SenderId == sender.Id).MinAsync(m => m.Id));

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 60 times), as someone without a mouse would.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}.");
    }
}
