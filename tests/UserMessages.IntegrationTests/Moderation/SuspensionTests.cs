using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// Issue 21, item 3: a moderator suspends a sender's messaging for 1, 7 or 30 days or until lifted. The member still
/// reads; every send, through the pages or the API, is refused with the end; lifting it, or its end passing, lets them
/// write again.
/// </summary>
public sealed class SuspensionTests(SharedApp sharedApp) : ModerationTest(sharedApp), IClassFixture<SharedApp>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task ASuspendedMember_StillReads_ButThePagesRefuseEverySendWith403_NamingTheEnd()
    {
        var now = ClockAtHalfMinute();
        var (threadId, messageId) = await AliceWritesAsync("Rude", Bob);
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, messageId), "suspend", "7");
        var until = $"until {now.AddDays(7).ToString("g", English)} UTC";
        var before = await CountRowsAsync();

        Assert.Equal(HttpStatusCode.OK, (await Alice.GetPageAsync(Paths.Inbox)).Status);
        Assert.Equal("Rude", (await Alice.GetPageAsync(Paths.Thread(threadId))).Single($"#message-{messageId} .um-message__content").TextContent);
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        var reply = await Alice.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Sorry, typed with care" });
        var compose = await Alice.SubmitFormAsync(await Alice.GetPageAsync(Paths.Create), "#um-compose-form", MessagingSteps.ComposeFields(Carol.UserName, "New", "Hello Carol"));

        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
        var replyPage = await BrowserClient.ReadPageAsync(reply);
        Assert.Contains(until, replyPage.Single("#um-reply-content-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Sorry, typed with care", replyPage.Single("#um-reply-content").TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, compose.StatusCode);
        Assert.Contains(until, (await BrowserClient.ReadPageAsync(compose)).Single("[data-um-errors]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());

        // Only Alice is suspended: Bob still writes to her.
        await Bob.ReplyAsync(threadId, "Apology accepted?");
    }

    [Fact]
    public async Task ASuspendedMembersApiSends_Answer403_WithTheCodeMessagingSuspended_AndTheEnd()
    {
        var now = ClockAtHalfMinute();
        var (threadId, messageId) = await AliceWritesAsync("Rude", Bob);
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, messageId), "suspend", "30");
        await Alice.UseAntiforgeryAsync();

        var reply = await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "Sorry" });
        var start = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Carol.UserName }, subject = "New", content = "Hello Carol" });

        foreach (var refused in new[] { reply, start })
        {
            var problem = await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal("MessagingSuspended", problem.GetProperty("code").GetString());
            Assert.Equal(now.AddDays(30), ModerationSteps.Utc(problem.GetProperty("suspendedUntil").GetString()!));
            Assert.Contains($"until {now.AddDays(30).ToString("g", English)} UTC", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Single(await Alice.ApiMessagesAsync(threadId));
        Assert.Empty(await Carol.ApiFolderIdsAsync("inbox"));
    }

    [Fact]
    public async Task RemovingAndSuspendingUntilLifted_SaysUntilFurtherNotice_AndTheApiSaysSuspendedUntilNull()
    {
        var (threadId, messageId) = await AliceWritesAsync("Very rude", Bob);
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, messageId), "remove-and-suspend", "indefinite", "Repeated insults.");
        await Alice.UseAntiforgeryAsync();

        var page = await Alice.SubmitFormAsync(await Alice.GetPageAsync(Paths.Thread(threadId)), "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Why?" });
        var api = await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "Why?" });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("until further notice", (await BrowserClient.ReadPageAsync(page)).Single("#um-reply-content-error").TextContent, StringComparison.Ordinal);
        var problem = await ApiSteps.AssertProblemAsync(api, HttpStatusCode.Forbidden);
        Assert.Equal("MessagingSuspended", problem.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("suspendedUntil").ValueKind);
        Assert.Equal("removed", (await Bob.ApiMessagesAsync(threadId))[messageId].Kind);
        var listed = (await Moderator.GetPageAsync(ModerationSteps.Suspensions)).Single($"li[data-um-user-id='{Alice.Id}']");
        Assert.Contains("Until lifted", listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("by Mona", listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Repeated insults.", listed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifting_LetsTheMemberSendAgain_AndTakesThemOffTheSuspensionsPage()
    {
        var (threadId, messageId) = await AliceWritesAsync("Rude", Bob);
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, messageId), "suspend", "indefinite");
        var suspensions = await Moderator.GetPageAsync(ModerationSteps.Suspensions);

        var lifted = await Moderator.SubmitFormAsync(suspensions, $"li[data-um-user-id='{Alice.Id}'] form[data-um-action='lift']", new Dictionary<string, string> { ["Note"] = "Apologised." });

        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(ModerationSteps.Suspensions, lifted.Headers.Location!.OriginalString);
        Assert.Null((await Moderator.GetPageAsync(ModerationSteps.Suspensions)).Find($"li[data-um-user-id='{Alice.Id}']"));
        await Alice.ReplyAsync(threadId, "Sorry, Bob");
        await Alice.StartThreadAsync(Carol.UserName, "Hello", "Hi Carol");
        await Alice.UseAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.Created, (await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "And through the API" })).StatusCode);
    }

    [Fact]
    public async Task TheSuspensionsPage_ShowsAHundredAtATime_AndTheNextPageTheRest()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await App.WithDbAsync(db =>
        {
            db.AddRange(Enumerable.Range(1, 130).Select(i => new MessagingSuspension
            {
                UserId = $"paged-{i:D3}-{Guid.NewGuid():N}", StartedAt = now.AddMinutes(-i), EndsAt = now.AddDays(1), ModeratorId = Moderator.Id,
            }));
            return db.SaveChangesAsync();
        });
        var inForce = await App.WithDbAsync(db => db.Set<MessagingSuspension>().CountAsync(s => s.EndsAt == null || s.EndsAt > now));

        var first = await Moderator.GetPageAsync(Paths.Suspensions);
        var more = first.Single("[data-um-page-link='older']").GetAttribute("href")!;
        var second = await Moderator.GetPageAsync(more);

        var ids = first.Document.QuerySelectorAll("#um-suspensions [data-um-user-id]").Concat(second.Document.QuerySelectorAll("#um-suspensions [data-um-user-id]"))
            .Select(e => e.GetAttribute("data-um-user-id")).ToList();
        Assert.Equal(100, first.Document.QuerySelectorAll("#um-suspensions [data-um-user-id]").Length);
        Assert.Equal(inForce, ids.Count);
        Assert.Equal(inForce, ids.Distinct().Count());
        Assert.Null(second.Find("[data-um-page-link='older']"));
    }

    [Fact]
    public async Task ASuspensionWhoseEndHasPassed_NoLongerRefuses()
    {
        var (threadId, messageId) = await AliceWritesAsync("Rude", Bob);
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, messageId), "suspend", "1");
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.Forbidden, (await Alice.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Too soon" })).StatusCode);

        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        await Alice.ReplyAsync(threadId, "A day later");
        await Alice.UseAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.Created, (await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Carol.UserName }, subject = "Hi", content = "Hello Carol" })).StatusCode);
        Assert.Null((await Moderator.GetPageAsync(ModerationSteps.Suspensions)).Find($"li[data-um-user-id='{Alice.Id}']"));
    }

    [Fact]
    public async Task SuspendingAgain_ReplacesTheSuspensionInForce()
    {
        var now = ClockAtHalfMinute();
        var (threadId, first) = await AliceWritesAsync("Rude", Bob);
        var second = await Alice.SayAsync(threadId, "Ruder");
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, first), "suspend", "indefinite");
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, second), "suspend", "1");

        var page = await Alice.SubmitFormAsync(await Alice.GetPageAsync(Paths.Thread(threadId)), "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Hm" });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains($"until {now.AddDays(1).ToString("g", English)} UTC", (await BrowserClient.ReadPageAsync(page)).Single("#um-reply-content-error").TextContent, StringComparison.Ordinal);
        Assert.Single((await Moderator.GetPageAsync(ModerationSteps.Suspensions)).Document.QuerySelectorAll($"li[data-um-user-id='{Alice.Id}']"));
    }

    [Fact]
    public async Task TheReportOfASuspendedSender_SaysSo()
    {
        var (threadId, first) = await AliceWritesAsync("Rude", Bob);
        var second = await Alice.SayAsync(threadId, "Ruder");
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, first), "suspend", "indefinite");
        var open = await Bob.ReportAsync(threadId, second);

        var page = await Moderator.GetPageAsync(ModerationSteps.Report(open));

        Assert.Contains("Alice's messaging is suspended until lifted.", page.Single("#um-sender-suspended").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuspension_IsToldToTheHostsModerationHandler_WithItsEnd()
    {
        var now = ClockAtHalfMinute();
        var (threadId, messageId) = await AliceWritesAsync("Rude", Bob);

        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, messageId), "remove-and-suspend", "7", "Second warning.");

        var suspended = Assert.Single(Events.OfType<UserSuspended>(), e => e.UserId == Alice.Id);
        Assert.Equal((Moderator.Id, (DateTime?)now.AddDays(7), "Second warning."), (suspended.ModeratorId, suspended.EndsAt, suspended.Note));
        Assert.Single(Events.OfType<MessageRemoved>(), e => e.MessageId == messageId);
    }
}
