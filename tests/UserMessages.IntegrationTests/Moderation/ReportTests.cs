using System.Globalization;
using System.Net;
using System.Text.Json;
using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// Issue 21, item 2: a participant reports a message someone else wrote, through its page or the API, once, for a
/// reason, with a note and the sender blocked if they wish; at most <c>Messages:Moderation:ReportsPerDay</c> a day
/// (three here).
/// </summary>
public sealed class ReportTests(SharedApp sharedApp) : ModerationTest(sharedApp), IClassFixture<SharedApp>
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string> { ["Messages:Moderation:ReportsPerDay"] = "3" };

    [Fact]
    public async Task ReportingFromTheThreadsLink_ReturnsToTheMessage_WhichThenSaysYouReportedIt()
    {
        var (threadId, messageId) = await AliceWritesAsync("Buy cheap watches now", Bob, Carol);
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));
        var link = thread.Single($"#message-{messageId} a[data-um-action='report']").GetAttribute("href")!;
        Assert.Equal(ModerationSteps.ReportForm(threadId, messageId), link);

        var form = await Bob.GetPageAsync(link);
        Assert.Contains("Buy cheap watches now", form.Single("[data-um-page='report'] .um-messages").TextContent, StringComparison.Ordinal);
        var response = await Bob.SubmitFormAsync(form, "#um-report-form", new Dictionary<string, string> { ["Reason"] = "Spam", ["Note"] = "Third time this week." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Paths.Thread(threadId)}#message-{messageId}", response.Headers.Location!.OriginalString);
        var after = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal("You reported this message.", after.Single($"#message-{messageId} [data-um-reported]").TextContent.Trim());
        Assert.Null(after.Find($"#message-{messageId} a[data-um-action='report']"));

        // Carol, who did not report it, still may.
        Assert.NotNull((await Carol.GetPageAsync(Paths.Thread(threadId))).Find($"#message-{messageId} a[data-um-action='report']"));
        var queued = await Moderator.GetPageAsync(ModerationSteps.Queue);
        Assert.Contains(queued.Document.QuerySelectorAll("li[data-um-report-id]"), row => row.TextContent.Contains("Buy cheap watches now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnMessages_HaveNoReportLink_AndCannotBeReported()
    {
        var (threadId, messageId) = await AliceWritesAsync("My own words", Bob);
        var bobsReply = await Bob.SayAsync(threadId, "Bob's answer");

        var alicesView = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Null(alicesView.Find($"#message-{messageId} a[data-um-action='report']"));
        Assert.NotNull(alicesView.Find($"#message-{bobsReply} a[data-um-action='report']"));

        var form = await Alice.GetPageAsync(ModerationSteps.ReportForm(threadId, messageId));
        Assert.Equal(HttpStatusCode.BadRequest, form.Status);
        Assert.Null(form.Find("#um-report-form"));
        Assert.Contains("Only messages others wrote can be reported.", form.Single(".um-problem").TextContent, StringComparison.Ordinal);
        var page = await Alice.PostFormAsync(
            ModerationSteps.ReportForm(threadId, messageId), [new(BrowserClient.TokenField, await Alice.TokenAsync()), new("Reason", "Spam")]);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Only messages others wrote can be reported.", (await BrowserClient.ReadPageAsync(page)).Single(".um-problem").TextContent, StringComparison.Ordinal);
        await ApiSteps.AssertProblemAsync(await Alice.ApiReportAsync(threadId, messageId, new { reason = "spam" }), HttpStatusCode.BadRequest);
        Assert.False((await Alice.ApiMessagesAsync(threadId))[messageId].ReportedByMe);
    }

    [Fact]
    public async Task ASystemLine_CannotBeReported()
    {
        var (threadId, _) = await AliceWritesAsync("Hello Bob", Bob);
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.AddPeopleAsync(threadId, Carol.UserName)).StatusCode);
        var joined = (await Bob.GetPageAsync(Paths.Thread(threadId))).Single("li[data-um-kind='joined']");
        var lineId = long.Parse(joined.GetAttribute("data-um-message-id")!, CultureInfo.InvariantCulture);
        Assert.Null(joined.QuerySelector("a[data-um-action='report']"));

        var refused = await Bob.ApiReportAsync(threadId, lineId, new { reason = "other" });

        await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reporting_TwiceTheSameMessage_IsRefusedOnce()
    {
        var (threadId, messageId) = await AliceWritesAsync("Rude words", Bob);
        Assert.Equal(HttpStatusCode.Redirect, (await Bob.ReportThroughThePageAsync(threadId, messageId, new Dictionary<string, string> { ["Reason"] = "Harassment" })).StatusCode);

        var again = await Bob.ApiReportAsync(threadId, messageId, new { reason = "harassment" });

        await ApiSteps.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var form = await Bob.GetPageAsync(ModerationSteps.ReportForm(threadId, messageId));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.NotNull(form.Find("#um-already-reported"));
        Assert.Null(form.Find("#um-report-form"));
        var posted = await Bob.PostFormAsync(ModerationSteps.ReportForm(threadId, messageId), [new(BrowserClient.TokenField, await Bob.TokenAsync()), new("Reason", "Spam")]);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var queue = await Moderator.GetPageAsync(ModerationSteps.Queue);
        Assert.Single(queue.Document.QuerySelectorAll("li[data-um-report-id]"), row => row.TextContent.Contains("Rude words", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApi_Answers201WithTheReportsId_AndTheThreadSaysWhoReportedWhat()
    {
        var (threadId, first) = await AliceWritesAsync("First", Bob, Carol);
        var second = await Alice.SayAsync(threadId, "Second");

        var response = await Bob.ApiReportAsync(threadId, first, new { reason = "inappropriate", note = "Not nice.", block = false });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reportId = created.RootElement.GetProperty("id").GetInt64();
        var detail = await Moderator.GetPageAsync(ModerationSteps.Report(reportId));
        Assert.Equal("First", detail.Single("#um-reported-content").TextContent);
        Assert.Contains("Hateful, sexual or otherwise inappropriate", detail.Single("#um-report-facts").TextContent, StringComparison.Ordinal);
        Assert.Contains("Not nice.", detail.Single("#um-report-facts").TextContent, StringComparison.Ordinal);
        var bobs = await Bob.ApiMessagesAsync(threadId);
        Assert.Equal((true, false), (bobs[first].ReportedByMe, bobs[second].ReportedByMe));
        Assert.Equal("text", bobs[first].Kind);
        Assert.False((await Carol.ApiMessagesAsync(threadId))[first].ReportedByMe);
        Assert.Empty((await Bob.GetPageAsync(ModerationSteps.Blocked)).Document.QuerySelectorAll($"[data-um-user-id='{Alice.Id}']"));
    }

    [Fact]
    public async Task AReportWithoutAReason_OrWithANoteOverAThousandCharacters_IsRefused_AndTheFormKeepsTheNote()
    {
        var (threadId, messageId) = await AliceWritesAsync("Something", Bob);
        var longNote = new string('x', 1001);

        var noReason = await Bob.ReportThroughThePageAsync(threadId, messageId, new Dictionary<string, string> { ["Note"] = "Please look." });
        var tooLong = await Bob.ReportThroughThePageAsync(threadId, messageId, new Dictionary<string, string> { ["Reason"] = "Other", ["Note"] = longNote });
        var apiNoReason = await Bob.ApiReportAsync(threadId, messageId, new { note = "Please look." });
        var apiUnknownReason = await Bob.ApiReportAsync(threadId, messageId, new { reason = "boring" });
        var apiTooLong = await Bob.ApiReportAsync(threadId, messageId, new { reason = "other", note = longNote });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var noReasonPage = await BrowserClient.ReadPageAsync(noReason);
        Assert.NotNull(noReasonPage.Find("#um-reason-error"));
        Assert.Equal("Please look.", noReasonPage.Single("#um-report-note").TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var tooLongPage = await BrowserClient.ReadPageAsync(tooLong);
        Assert.Contains("1000", tooLongPage.Single("#um-report-note-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(longNote, tooLongPage.Single("#um-report-note").TextContent);
        Assert.Contains("reason", ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(apiNoReason, HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("reason", ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(apiUnknownReason, HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("note", ApiSteps.FieldErrors(await ApiSteps.AssertProblemAsync(apiTooLong, HttpStatusCode.BadRequest)).Keys);
        Assert.False((await Bob.ApiMessagesAsync(threadId))[messageId].ReportedByMe);

        // A note of exactly 1000 characters is fine.
        await Bob.ReportAsync(threadId, messageId, "other", new string('y', 1000));
    }

    [Fact]
    public async Task Reporting_AndBlockingTheSender_ThroughThePageOrTheApi_ListsTheSenderAmongTheBlocked()
    {
        var (threadId, messageId) = await AliceWritesAsync("Go away", Bob, Carol);

        var page = await Bob.ReportThroughThePageAsync(threadId, messageId, new Dictionary<string, string> { ["Reason"] = "Harassment", ["BlockSender"] = "true" });
        var api = await Carol.ApiReportAsync(threadId, messageId, new { reason = "harassment", block = true });

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.NotNull((await Bob.GetPageAsync(ModerationSteps.Blocked)).Find($"[data-um-user-id='{Alice.Id}']"));
        Assert.NotNull((await Carol.GetPageAsync(ModerationSteps.Blocked)).Find($"[data-um-user-id='{Alice.Id}']"));
    }

    [Fact]
    public async Task AMemberWhoLeftTheThread_CannotReportItsMessagesAnyMore()
    {
        var (threadId, messageId) = await AliceWritesAsync("Before you left", Bob, Carol);
        Assert.Equal(HttpStatusCode.Redirect, (await Carol.PressThreadButtonAsync(threadId, "um-leave")).StatusCode);

        var page = await Carol.GetPageAsync(ModerationSteps.ReportForm(threadId, messageId));
        var api = await Carol.ApiReportAsync(threadId, messageId, new { reason = "spam" });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        await ApiSteps.AssertProblemAsync(api, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMessageOfAThreadTheCallerMayNotSee_CannotBeReported_NorItsPageOpened()
    {
        var (threadId, messageId) = await AliceWritesAsync("Private to Bob", Bob);

        var page = await Carol.GetPageAsync(ModerationSteps.ReportForm(threadId, messageId));
        var post = await Carol.PostFormAsync(ModerationSteps.ReportForm(threadId, messageId), [new(BrowserClient.TokenField, await Carol.TokenAsync()), new("Reason", "Spam")]);
        var api = await Carol.ApiReportAsync(threadId, messageId, new { reason = "spam" });
        var noSuchMessage = await Bob.ApiReportAsync(threadId, messageId + 1_000_000, new { reason = "spam" });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Private to Bob", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await ApiSteps.AssertProblemAsync(api, HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(noSuchMessage, HttpStatusCode.NotFound);
        Assert.DoesNotContain(Events.OfType<MessageReported>(), e => e.MessageId == messageId);
    }

    [Fact]
    public async Task BeyondTheReportsOfADay_Answers429WithRetryAfter_UntilTheFirstReportIsADayOld()
    {
        var (threadId, first) = await AliceWritesAsync("One", Bob, Carol);
        var messages = new List<long> { first };
        foreach (var text in new[] { "Two", "Three", "Four", "Five" })
        {
            messages.Add(await Alice.SayAsync(threadId, text));
        }

        foreach (var message in messages.Take(3))
        {
            await Bob.ReportAsync(threadId, message);
        }

        var api = await Bob.ApiReportAsync(threadId, messages[3], new { reason = "spam" });
        var page = await Bob.ReportThroughThePageAsync(threadId, messages[4], new Dictionary<string, string> { ["Reason"] = "Spam" });

        await ApiSteps.AssertProblemAsync(api, HttpStatusCode.TooManyRequests);
        Assert.InRange(RetryAfter.Seconds(api), 1, 24 * 60 * 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.InRange(RetryAfter.Seconds(page), 1, 24 * 60 * 60);
        Assert.Contains("at most 3", (await BrowserClient.ReadPageAsync(page)).Single("[data-um-errors]").TextContent, StringComparison.Ordinal);
        Assert.False((await Bob.ApiMessagesAsync(threadId))[messages[3]].ReportedByMe);

        // Carol has her own allowance.
        await Carol.ReportAsync(threadId, messages[3]);

        Clock.Advance(TimeSpan.FromSeconds(RetryAfter.Seconds(api)));
        await Bob.ReportAsync(threadId, messages[3]);
    }

    [Fact]
    public async Task AReport_IsToldToTheHostsModerationHandler()
    {
        var (threadId, messageId) = await AliceWritesAsync("Spam spam spam", Bob);

        var reportId = await Bob.ReportAsync(threadId, messageId, "spam");

        var reported = Assert.Single(Events.OfType<MessageReported>(), e => e.ReportId == reportId);
        Assert.Equal((threadId, messageId, Bob.Id, Alice.Id, ReportReason.Spam), (reported.ThreadId, reported.MessageId, reported.ReporterId, reported.SenderId, reported.Reason));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, reported.At, TimeSpan.FromSeconds(1));
    }
}
