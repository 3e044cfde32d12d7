using System.Globalization;
using System.Net;
using UserMessages.Events;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// Issue 21, items 3 and 6: the moderators' queue of open reports, a report with the few messages around it, dismissing
/// and removing (for every participant, live too), the log; and nothing of it for anyone who is not a moderator.
/// </summary>
public sealed class ModerationQueueTests(SharedApp sharedApp) : ModerationTest(sharedApp), IClassFixture<SharedApp>
{
    [Fact]
    public async Task TheQueue_ListsOpenReportsNewestFirst_WithTheSenderTheReasonAndTheReporter()
    {
        var (threadId, first) = await AliceWritesAsync("Cheap watches", Bob, Carol);
        var second = await Alice.SayAsync(threadId, "Cheap pills");
        var older = await Bob.ReportAsync(threadId, first, "spam");
        var newer = await Carol.ReportAsync(threadId, second, "harassment");

        var queue = await Moderator.GetPageAsync(ModerationSteps.Queue);

        Assert.Equal(HttpStatusCode.OK, queue.Status);
        var ids = queue.ReportIds();
        Assert.True(ids.Contains(newer) && ids.IndexOf(newer) < ids.IndexOf(older), $"Expected {newer} before {older}: {string.Join(", ", ids)}");
        var row = queue.Single($"li[data-um-report-id='{newer}']");
        Assert.Contains("Message from Alice", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cheap pills", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Harassment, threats or bullying", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reported by Carol", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(ModerationSteps.Report(newer), row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Reported by Bob", queue.Single($"li[data-um-report-id='{older}']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheModerationLink_IsInTheFolderNavigationOfModeratorsOnly()
    {
        var moderators = await Moderator.GetPageAsync(Paths.Inbox);
        var members = await Bob.GetPageAsync(Paths.Inbox);

        Assert.Equal(ModerationSteps.Queue, moderators.Single("#um-folders #um-moderation-link").GetAttribute("href"));
        Assert.Null(members.Find("#um-moderation-link"));
        Assert.Null((await Bob.GetPageAsync(Paths.Create)).Find("#um-moderation-link"));
    }

    [Fact]
    public async Task EveryModerationAddress_Answers404_ToSignedInMembersWhoAreNotModerators_AndChangesNothing()
    {
        var (threadId, messageId) = await AliceWritesAsync("Reported words", Bob, Carol);
        var open = await Bob.ReportAsync(threadId, messageId);
        var other = await Alice.SayAsync(threadId, "More words");
        await Moderator.DecidedAsync(await Carol.ReportAsync(threadId, other), "suspend", "7");
        using var admin = App.CreateBrowser(Carol.User, "Admin");

        foreach (var member in new[] { Bob, admin })
        {
            foreach (var url in new[] { ModerationSteps.Queue, ModerationSteps.Report(open), ModerationSteps.Suspensions, ModerationSteps.Log })
            {
                var page = await member.GetPageAsync(url);
                Assert.True(page.Status == HttpStatusCode.NotFound, $"GET {url}: {(int)page.Status}");
                Assert.DoesNotContain("Reported words", page.Html, StringComparison.Ordinal);
                Assert.DoesNotContain("um-moderation-nav", page.Html, StringComparison.Ordinal);
            }

            var token = await member.TokenAsync();
            var decide = await member.PostFormAsync(ModerationSteps.Report(open), [new(BrowserClient.TokenField, token), new("Decision", "remove"), new("Note", "")]);
            var lift = await member.PostFormAsync(ModerationSteps.Lift, [new(BrowserClient.TokenField, token), new("UserId", Alice.Id), new("Note", "")]);
            Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, lift.StatusCode);
            Assert.Empty(await decide.Content.ReadAsStringAsync());
        }

        Assert.Contains(open, await Moderator.QueuedReportIdsAsync());
        Assert.Equal("text", (await Bob.ApiMessagesAsync(threadId))[messageId].Kind);
        Assert.NotNull((await Moderator.GetPageAsync(ModerationSteps.Suspensions)).Find($"li[data-um-user-id='{Alice.Id}']"));
    }

    [Fact]
    public async Task AReport_ShowsWhatWasReported_AndAtMostThreeMessagesEitherSide_TheReportedOneHighlighted()
    {
        var (threadId, first) = await AliceWritesAsync("m1", Bob);
        var ids = new List<long> { first };
        for (var n = 2; n <= 10; n++)
        {
            ids.Add(await (n % 2 == 0 ? Bob : Alice).SayAsync(threadId, $"m{n}"));
        }

        var middle = await Alice.ReportAsync(threadId, ids[5], "other", "Look at m6");
        var nearStart = await Alice.ReportAsync(threadId, ids[1]);

        var page = await Moderator.GetPageAsync(ModerationSteps.Report(middle));
        Assert.Equal("m6", page.Single("#um-reported-content").TextContent);
        Assert.Equal(ids[2..9], page.MessageIds("#um-messages"));
        Assert.Equal([ids[5]], page.MessageIds("#um-messages").Where(id => page.Single($"#message-{id}").HasAttribute("data-um-highlighted")));
        Assert.Equal(ids[5].ToString(CultureInfo.InvariantCulture), page.Single("#um-messages .um-message--highlighted").GetAttribute("data-um-message-id"));
        Assert.Equal(["m3", "m4", "m5", "m6", "m7", "m8", "m9"], page.Document.QuerySelectorAll("#um-messages .um-message__content").Select(c => c.TextContent));
        Assert.Null(page.Find("#um-messages a[data-um-action='report']"));
        Assert.Contains("Look at m6", page.Single("#um-report-facts").TextContent, StringComparison.Ordinal);
        Assert.Equal("open", page.Single("#um-report-status").GetAttribute("data-um-status"));
        Assert.NotNull(page.Find("#um-decision-form"));

        var start = await Moderator.GetPageAsync(ModerationSteps.Report(nearStart));
        Assert.Equal(ids[0..5], start.MessageIds("#um-messages"));
    }

    [Fact]
    public async Task Dismissing_ClosesTheReport_AndLeavesTheMessageAsItWas()
    {
        var (threadId, messageId) = await AliceWritesAsync("A perfectly fine message", Bob);
        var reportId = await Bob.ReportAsync(threadId, messageId, "other");

        await Moderator.DecidedAsync(reportId, "dismiss", note: "Nothing wrong here.");

        Assert.DoesNotContain(reportId, await Moderator.QueuedReportIdsAsync());
        var closed = await Moderator.GetPageAsync(ModerationSteps.Report(reportId));
        Assert.Equal("dismissed", closed.Single("#um-report-status").GetAttribute("data-um-status"));
        Assert.Null(closed.Find("#um-decision-form"));
        Assert.Equal("A perfectly fine message", (await Bob.GetPageAsync(Paths.Thread(threadId))).Single($"#message-{messageId} .um-message__content").TextContent);
        var message = (await Bob.ApiMessagesAsync(threadId))[messageId];
        Assert.Equal(("text", "A perfectly fine message"), (message.Kind, message.Content));
        Assert.DoesNotContain(Events.OfType<MessageRemoved>(), e => e.MessageId == messageId);
    }

    [Fact]
    public async Task Removing_PutsASystemLineInTheMessagesPlace_ForEveryParticipant_InThePagesAndTheApi()
    {
        var (threadId, messageId) = await AliceWritesAsync("Hello all", Bob, Carol);
        var removed = await Alice.SayAsync(threadId, "Nasty words");
        var reportId = await Bob.ReportAsync(threadId, removed, "harassment");

        await Moderator.DecidedAsync(reportId, "remove", note: "Insults.");

        foreach (var participant in new[] { Alice, Bob, Carol })
        {
            var thread = await participant.GetPageAsync(Paths.Thread(threadId));
            var line = thread.Single($"#message-{removed}");
            Assert.Equal("removed", line.GetAttribute("data-um-kind"));
            Assert.Contains("A message from Alice was removed by a moderator.", line.TextContent, StringComparison.Ordinal);
            Assert.Null(line.QuerySelector("a[data-um-action='report']"));
            Assert.DoesNotContain("Nasty words", thread.Html, StringComparison.Ordinal);
            Assert.Equal("Hello all", thread.Single($"#message-{messageId} .um-message__content").TextContent);
            Assert.DoesNotContain("Nasty words", (await participant.GetPageAsync(Paths.Inbox)).Html, StringComparison.Ordinal);
            var messages = await participant.ApiMessagesAsync(threadId);
            Assert.Equal(("removed", string.Empty), (messages[removed].Kind, messages[removed].Content));
            Assert.Equal("text", messages[messageId].Kind);
        }

        var removal = Assert.Single(Events.OfType<MessageRemoved>(), e => e.MessageId == removed);
        Assert.Equal((threadId, Alice.Id, Moderator.Id, "Insults."), (removal.ThreadId, removal.SenderId, removal.ModeratorId, removal.Note));
        Assert.Equal(new[] { Alice.Id, Bob.Id, Carol.Id }.Order(), removal.ParticipantIds.Order());
    }

    [Fact]
    public async Task Removing_ClosesEveryOpenReportOfThatMessage_WhileTheReportsStillShowWhatWasReported()
    {
        var (threadId, messageId) = await AliceWritesAsync("Reported twice", Bob, Carol);
        var another = await Alice.SayAsync(threadId, "Reported once");
        var bobs = await Bob.ReportAsync(threadId, messageId, "spam");
        var carols = await Carol.ReportAsync(threadId, messageId, "harassment");
        var unrelated = await Carol.ReportAsync(threadId, another, "other");

        await Moderator.DecidedAsync(bobs, "remove");

        var queue = await Moderator.QueuedReportIdsAsync();
        Assert.DoesNotContain(bobs, queue);
        Assert.DoesNotContain(carols, queue);
        Assert.Contains(unrelated, queue);
        var carolsReport = await Moderator.GetPageAsync(ModerationSteps.Report(carols));
        Assert.Equal("actioned", carolsReport.Single("#um-report-status").GetAttribute("data-um-status"));
        Assert.Null(carolsReport.Find("#um-decision-form"));
        Assert.Equal("Reported twice", carolsReport.Single("#um-reported-content").TextContent);
        Assert.Equal("removed", carolsReport.Single($"#um-messages #message-{messageId}").GetAttribute("data-um-kind"));
    }

    [Fact]
    public async Task Removing_ReachesTheOpenPagesOfTheParticipants_AndOfNobodyElse()
    {
        var (threadId, messageId) = await AliceWritesAsync("Live nasty words", Bob);
        var reportId = await Bob.ReportAsync(threadId, messageId);
        var (carolsThread, carolsMessage) = await AliceWritesAsync("For Carol", Carol);
        var carolsReport = await Carol.ReportAsync(carolsThread, carolsMessage);
        await using var alice = await LiveRemovals.ConnectAsync(App, Alice.User);
        await using var bob = await LiveRemovals.ConnectAsync(App, Bob.User);
        await using var carol = await LiveRemovals.ConnectAsync(App, Carol.User);

        await Moderator.DecidedAsync(reportId, "remove");

        Assert.Equal(new LiveRemovalEvent(threadId, messageId), await bob.NextAsync());
        Assert.Equal(new LiveRemovalEvent(threadId, messageId), await alice.NextAsync());

        // Events to one connection arrive in order: Carol's first is the removal in her own thread.
        await Moderator.DecidedAsync(carolsReport, "remove");
        Assert.Equal(new LiveRemovalEvent(carolsThread, carolsMessage), await carol.NextAsync());
    }

    [Fact]
    public async Task AReportAnotherModeratorDecidedMeanwhile_IsNotDecidedAgain()
    {
        var (threadId, messageId) = await AliceWritesAsync("Borderline", Bob);
        var reportId = await Bob.ReportAsync(threadId, messageId);
        using var second = App.CreateBrowser(await CreateUserAsync("max"), "Moderator");
        var secondsPage = await second.GetPageAsync(ModerationSteps.Report(reportId));

        await Moderator.DecidedAsync(reportId, "dismiss");
        var late = await second.SubmitFormAsync(secondsPage, "#um-decision-form", new Dictionary<string, string> { ["Decision"] = "remove-and-suspend", ["Duration"] = "7", ["Note"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(ModerationSteps.Report(reportId), late.Headers.Location!.OriginalString);
        Assert.Equal("dismissed", (await second.GetPageAsync(ModerationSteps.Report(reportId))).Single("#um-report-status").GetAttribute("data-um-status"));
        Assert.Equal("text", (await Bob.ApiMessagesAsync(threadId))[messageId].Kind);
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.ReplyAsync(threadId, "Still allowed to write")).StatusCode);
    }

    [Fact]
    public async Task ADecisionWithoutAChoice_OrWithADurationNotOffered_IsRefused_AndTheReportStaysOpen()
    {
        var (threadId, messageId) = await AliceWritesAsync("Hmm", Bob);
        var reportId = await Bob.ReportAsync(threadId, messageId);
        var page = await Moderator.GetPageAsync(ModerationSteps.Report(reportId));

        var noChoice = await Moderator.SubmitFormAsync(page, "#um-decision-form", new Dictionary<string, string> { ["Note"] = "Kept note" });
        var badDuration = await Moderator.SubmitFormAsync(page, "#um-decision-form", new Dictionary<string, string> { ["Decision"] = "suspend", ["Duration"] = "2" });
        var tooLongNote = await Moderator.SubmitFormAsync(page, "#um-decision-form", new Dictionary<string, string> { ["Decision"] = "dismiss", ["Note"] = new string('n', 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        var noChoicePage = await BrowserClient.ReadPageAsync(noChoice);
        Assert.NotNull(noChoicePage.Find("#um-decision-error"));
        Assert.Equal("Kept note", noChoicePage.Single("#um-decision-note").TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, badDuration.StatusCode);
        Assert.NotNull((await BrowserClient.ReadPageAsync(badDuration)).Find("#um-duration-error"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLongNote.StatusCode);
        Assert.NotNull((await BrowserClient.ReadPageAsync(tooLongNote)).Find("#um-decision-note-error"));
        Assert.Contains(reportId, await Moderator.QueuedReportIdsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.ReplyAsync(threadId, "Not suspended")).StatusCode);
    }

    [Fact]
    public async Task WhoReported_IsShownToModerators_AndNeverToTheSenderOfTheReportedMessage()
    {
        var dave = await CreateUserAsync("dave");
        using var daveBrowser = App.CreateBrowser(dave);
        var (threadId, messageId) = await AliceWritesAsync("Who will tell on me?", Bob, daveBrowser);
        var reportId = await daveBrowser.ReportAsync(threadId, messageId, "other", "Dave's own note");

        Assert.Contains("Reported by Dave", (await Moderator.GetPageAsync(ModerationSteps.Queue)).Single($"li[data-um-report-id='{reportId}']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Dave", (await Moderator.GetPageAsync(ModerationSteps.Report(reportId))).Single("#um-report-facts").TextContent, StringComparison.Ordinal);

        // Alice's page of the thread names Dave among its people, but nothing says he reported her, before or after the removal.
        var before = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Null(before.Find("[data-um-reported]"));
        Assert.DoesNotContain("Dave's own note", before.Html, StringComparison.Ordinal);
        await Moderator.DecidedAsync(reportId, "remove");
        var after = await Alice.GetPageAsync(Paths.Thread(threadId));
        var line = after.Single($"#message-{messageId}");
        Assert.DoesNotContain("Dave", line.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Find("[data-um-reported]"));
        Assert.DoesNotContain("Dave's own note", after.Html, StringComparison.Ordinal);
        using var alicesThread = await Alice.GetJsonAsync(ApiSteps.Thread(threadId));
        Assert.DoesNotContain("Dave's own note", alicesThread.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.All(alicesThread.RootElement.GetProperty("messages").EnumerateArray(), m => Assert.False(m.GetProperty("reportedByMe").GetBoolean()));
    }

    [Fact]
    public async Task TheLog_HasARowForEveryDismissRemoveSuspendAndLift_WithTheModeratorTheMemberAndTheNote()
    {
        var (threadId, first) = await AliceWritesAsync("One", Bob);
        var second = await Alice.SayAsync(threadId, "Two");
        var third = await Alice.SayAsync(threadId, "Three");
        var mark = Guid.NewGuid().ToString("N")[..8];
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, first), "dismiss", note: $"dismiss {mark}");
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, second), "remove", note: $"remove {mark}");
        await Moderator.DecidedAsync(await Bob.ReportAsync(threadId, third), "suspend", "30", $"suspend {mark}");
        var suspensions = await Moderator.GetPageAsync(ModerationSteps.Suspensions);
        var lifted = await Moderator.SubmitFormAsync(suspensions, $"li[data-um-user-id='{Alice.Id}'] form[data-um-action='lift']", new Dictionary<string, string> { ["Note"] = $"lift {mark}" });
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);

        var log = await Moderator.GetPageAsync(ModerationSteps.Log);

        Assert.Equal(HttpStatusCode.OK, log.Status);
        var rows = log.Document.QuerySelectorAll("#um-log tbody tr[data-um-action]").Where(r => r.TextContent.Contains(mark, StringComparison.Ordinal)).ToList();
        Assert.Equal(["lifted", "suspended", "removedmessage", "dismissed"], rows.Select(r => r.GetAttribute("data-um-action")));
        foreach (var (row, action) in rows.Zip(new[] { "lift", "suspend", "remove", "dismiss" }))
        {
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(("Mona", "Alice", $"{action} {mark}"), (cells[1], cells[3], cells[4]));
        }
    }
}
