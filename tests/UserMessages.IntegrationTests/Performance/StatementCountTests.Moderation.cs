using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Performance;

/// <summary>The reporting and moderation pages' scenarios: the queue, the log, the suspensions and held messages grow with <see cref="Load.Rows"/>.</summary>
public sealed partial class StatementCountTests
{
    private async Task<IReadOnlyList<string>> ReportPageAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await ReportableAsync(app, alice, bob, load);
        await alice.GetPageAsync(Paths.Report(threadId, messageId));

        var (page, statements) = await MeasureAsync(app, () => alice.GetPageAsync(Paths.Report(threadId, messageId)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find("#um-report-form"));
        return statements;
    }

    private async Task<IReadOnlyList<string>> ReportAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await ReportableAsync(app, alice, bob, load);
        var page = await alice.GetPageAsync(Paths.Report(threadId, messageId));

        var (response, statements) = await MeasureAsync(app, () => alice.SubmitFormAsync(page, "#um-report-form", new Dictionary<string, string> { ["Reason"] = "Spam" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<MessageReport>().CountAsync(r => r.MessageId == messageId)));
        return statements;
    }

    private async Task<IReadOnlyList<string>> ApiReportAsync(Load load)
    {
        var (app, alice, bob) = await StartAsync();
        var (threadId, messageId) = await ReportableAsync(app, alice, bob, load);
        await alice.UseAntiforgeryAsync();

        var (response, statements) = await MeasureAsync(app, () => alice.PostJsonAsync($"{ApiSteps.Thread(threadId)}/messages/{messageId}/report", new { reason = "harassment" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ModerationPageAsync(string path, Func<MessagesFactory, TestUser, TestUser, Load, Task> seed, string rows, Load load)
    {
        var (app, moderator, bob) = await StartModeratorAsync();
        await seed(app, moderator.User, bob.User, load);
        await moderator.GetPageAsync(path);

        var (page, statements) = await MeasureAsync(app, () => moderator.GetPageAsync(path));

        // The queue is the whole site's: earlier runs' rows are on it too, but never more than a page.
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var cap = path.EndsWith("/suspensions", StringComparison.Ordinal) ? 4 * PageSize : PageSize;
        Assert.InRange(page.Document.QuerySelectorAll(rows).Length, Math.Min(load.Rows, cap), cap);
        return statements;
    }

    private async Task<IReadOnlyList<string>> ReportDetailAsync(Load load)
    {
        var (app, moderator, bob) = await StartModeratorAsync();
        var reportId = await ReportInTheMiddleAsync(app, moderator.User, bob.User, load);
        await moderator.GetPageAsync(Paths.ModerationReport(reportId));

        var (page, statements) = await MeasureAsync(app, () => moderator.GetPageAsync(Paths.ModerationReport(reportId)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(7, page.Document.QuerySelectorAll("#um-messages > li").Length);
        return statements;
    }

    private async Task<IReadOnlyList<string>> DecideAsync(string decision, Load load)
    {
        var (app, moderator, bob) = await StartModeratorAsync();
        var reportId = await ReportInTheMiddleAsync(app, moderator.User, bob.User, load);
        var page = await moderator.GetPageAsync(Paths.ModerationReport(reportId));

        var (response, statements) = await MeasureAsync(app, () => moderator.SubmitFormAsync(page, "#um-decision-form", new Dictionary<string, string> { ["Decision"] = decision, ["Duration"] = "7" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual(ReportStatus.Open, await app.WithDbAsync(db => db.Set<MessageReport>().Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync()));
        return statements;
    }

    private async Task<IReadOnlyList<string>> LiftAsync(Load load)
    {
        var (app, moderator, bob) = await StartModeratorAsync();
        await SuspensionsAsync(app, moderator.User, bob.User, load);
        var page = await moderator.GetPageAsync(Paths.Suspensions);
        var before = await app.WithDbAsync(db => db.Set<MessagingSuspension>().CountAsync());

        var (response, statements) = await MeasureAsync(app, () => moderator.SubmitFormAsync(page, "[data-um-action='lift']"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before - 1, await app.WithDbAsync(db => db.Set<MessagingSuspension>().CountAsync()));
        return statements;
    }

    private async Task<IReadOnlyList<string>> DecideHeldAsync(string decision, Load load)
    {
        // The queue is the app's: earlier runs' held messages go, so the first on the page is this run's (its thread read, as
        // a real first approval finds it: delivering it makes the thread unread for the moderator).
        var (app, moderator, bob) = await StartModeratorAsync();
        await app.WithDbAsync(db => db.Set<HeldMessage>().ExecuteDeleteAsync());
        await HeldAsync(app, moderator.User, bob.User, load);
        var page = await moderator.GetPageAsync(Paths.Held);
        var before = await app.WithDbAsync(db => db.Set<HeldMessage>().CountAsync());

        var (response, statements) = await MeasureAsync(app, () => moderator.SubmitFormAsync(page, "[data-um-form='held']", new Dictionary<string, string> { ["Decision"] = decision }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before - 1, await app.WithDbAsync(db => db.Set<HeldMessage>().CountAsync()));
        return statements;
    }

    /// <summary>A moderator (alice, in the role) and bob.</summary>
    private async Task<(MessagesFactory App, BrowserClient Moderator, BrowserClient Bob)> StartModeratorAsync()
    {
        run = Interlocked.Increment(ref lastRun);
        var moderator = App.CreateBrowser(await App.CreateUserAsync($"moderator.{run}@example.com", "Mo"), "Moderator");
        var bob = App.CreateBrowser(await App.CreateUserAsync($"bob.{run}@example.com", "Bob"));
        browsers.AddRange([moderator, bob]);
        return (App, moderator, bob);
    }

    /// <summary>A conversation of <see cref="Load.Rows"/> messages, and the newest message bob wrote in it.</summary>
    private static async Task<(long ThreadId, long MessageId)> ReportableAsync(MessagesFactory app, BrowserClient alice, BrowserClient bob, Load load)
    {
        var threadId = await Seeder.ConversationAsync(app, alice.User, bob.User, load.Rows);
        var messageId = await app.WithDbAsync(db => db.Set<Message>().Where(m => m.ThreadId == threadId && m.SenderId == bob.Id).MaxAsync(m => m.Id));
        return (threadId, messageId);
    }

    /// <summary>A conversation of <see cref="Load.Rows"/> (at least 7) messages, a report of its middle one by the moderator, and <see cref="Load.Rows"/> older open reports.</summary>
    private static async Task<long> ReportInTheMiddleAsync(MessagesFactory app, TestUser moderator, TestUser bob, Load load)
    {
        await ReportsAsync(app, moderator, bob, load);
        var threadId = await Seeder.ConversationAsync(app, moderator, bob, Math.Max(7, load.Rows));
        return await app.WithDbAsync(async db =>
        {
            var ids = await db.Set<Message>().Where(m => m.ThreadId == threadId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
            var report = Report(threadId, ids[ids.Count / 2], moderator, bob);
            db.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
    }

    private static async Task ReportsAsync(MessagesFactory app, TestUser reporter, TestUser sender, Load load)
    {
        var threadId = await Seeder.ConversationAsync(app, reporter, sender, load.Rows);
        await app.WithDbAsync(async db =>
        {
            var ids = await db.Set<Message>().Where(m => m.ThreadId == threadId).Select(m => m.Id).ToListAsync();
            db.AddRange(ids.Select(id => Report(threadId, id, reporter, sender)));
            return await db.SaveChangesAsync();
        });
    }

    private static Task LogAsync(MessagesFactory app, TestUser moderator, TestUser member, Load load)
        => app.WithDbAsync(db =>
        {
            db.AddRange(Enumerable.Range(1, load.Rows).Select(i => new ModerationLogEntry
            {
                At = DateTime.UtcNow.AddMinutes(-i), ModeratorId = moderator.Id, Action = ModerationAction.Dismissed, UserId = member.Id, Note = $"Entry {i}",
            }));
            return db.SaveChangesAsync();
        });

    /// <summary><see cref="Load.Rows"/> suspensions in force by the moderator: bob's and those of people of this run.</summary>
    private async Task SuspensionsAsync(MessagesFactory app, TestUser moderator, TestUser bob, Load load)
    {
        var people = await UsersAsync(app, "suspended", load.Rows - 1);
        await app.WithDbAsync(db =>
        {
            db.AddRange(people.Append(bob).Select((user, i) => new MessagingSuspension
            {
                UserId = user.Id, StartedAt = DateTime.UtcNow.AddMinutes(-i), EndsAt = DateTime.UtcNow.AddDays(7), ModeratorId = moderator.Id,
            }));
            return db.SaveChangesAsync();
        });
    }

    /// <summary><see cref="Load.Rows"/> held replies of bob's in a conversation with the moderator.</summary>
    private static async Task HeldAsync(MessagesFactory app, TestUser moderator, TestUser bob, Load load)
    {
        var threadId = await Seeder.ConversationAsync(app, moderator, bob, 2);
        await app.WithDbAsync(db =>
        {
            db.AddRange(Enumerable.Range(1, load.Rows).Select(i => new HeldMessage
            {
                SenderId = bob.Id, ThreadId = threadId, Content = $"See https://example.com/{i}", HeldAt = DateTime.UtcNow.AddMinutes(-i), Reason = "A link from a new account.",
            }));
            return db.SaveChangesAsync();
        });
    }

    private static MessageReport Report(long threadId, long messageId, TestUser reporter, TestUser sender) => new()
    {
        ThreadId = threadId, MessageId = messageId, ReporterId = reporter.Id, SenderId = sender.Id, Reason = ReportReason.Spam,
        MessageContent = "Reported", ReportedAt = DateTime.UtcNow,
    };
}
