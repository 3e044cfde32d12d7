using System.Globalization;
using System.Net;
using System.Text.Json;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Retention;
using UserMessages.Services;
using static UserMessages.IntegrationTests.Moderation.FiltersTestKit;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// Issue 21, the data of moderation: a user's export holds the reports they made, their suspension and their messages
/// awaiting review; erasing a user takes those away (their reports stay, from a former member) and their id out of the
/// log; the retention purge takes a purged thread's reports and held replies with it.
/// </summary>
public sealed class ModerationDataTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private BrowserClient moderator = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        moderator = App.CreateBrowser(await CreateUserAsync("moderator"), ModeratorRole);
    }

    public override async Task DisposeAsync()
    {
        moderator?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task TheExport_HoldsTheReportsTheUserMade_TheirSuspension_AndTheirMessagesAwaitingReview()
    {
        var (threadId, messageId) = await AliceWritesToBobAsync("Buy cheap watches");
        await Alice.ComposeAsync(Carol.UserName, "Watches", $"Want one? {HoldWord}");
        var reportId = await ReportAsync(Bob, threadId, messageId);
        var note = UniqueNote("Selling watches");
        await SuspendForAWeekAsync(reportId, note);

        var bobs = await ExportAsync(Bob.Id);
        var alices = await ExportAsync(Alice.Id);

        var report = Assert.Single(bobs.Reports);
        Assert.Equal((reportId, threadId, messageId, "Spam"), (report.Id, report.ThreadId, report.MessageId, report.Reason));
        Assert.Null(bobs.Suspension);
        Assert.Empty(bobs.AwaitingReview);
        Assert.Empty(alices.Reports);
        var suspension = alices.Suspension ?? throw new Xunit.Sdk.XunitException("Alice's export has no suspension.");
        Assert.Equal(note, suspension.Reason);
        Assert.NotNull(suspension.EndsAt);
        Assert.InRange(suspension.EndsAt.Value - suspension.StartedAt, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var held = Assert.Single(alices.AwaitingReview);
        Assert.Equal(("Watches", $"Want one? {HoldWord}"), (held.Subject, held.Content));
    }

    [Fact]
    public async Task ErasingAUser_DeletesTheReportsOfTheirMessages_TheirHeldMessages_AndTheirSuspension()
    {
        var (threadId, messageId) = await AliceWritesToBobAsync("Buy cheap watches");
        await Alice.ComposeAsync(Carol.UserName, "Watches", $"Want one? {HoldWord}");
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());
        var (secondThread, secondMessage) = await WriteAsync(Alice, Carol, "Still selling watches");
        var open = await ReportAsync(Carol, secondThread, secondMessage);
        var suspended = await ReportAsync(Bob, threadId, messageId);
        await SuspendForAWeekAsync(suspended, UniqueNote("Selling watches"));
        Assert.NotNull((await moderator.GetPageAsync(Queue)).Find(ReportRow(open)));

        await EraseAsync(Alice.Id);

        Assert.Null((await moderator.GetPageAsync(Queue)).Find(ReportRow(open)));
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetPageAsync(ReportPage(open))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetPageAsync(ReportPage(suspended))).Status);
        Assert.Null((await moderator.GetPageAsync(Held)).HeldItem(heldId));
        Assert.Null((await moderator.GetPageAsync("/messages/moderation/suspensions")).Find($"[data-um-user-id='{Alice.Id}']"));
        var export = await ExportAsync(Alice.Id);
        Assert.Null(export.Suspension);
        Assert.Empty(export.AwaitingReview);
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.ComposeAsync(Bob.UserName, "Sorry", "No more watches.")).StatusCode);
    }

    [Fact]
    public async Task ErasingAReporter_KeepsTheirReport_FromAFormerMember()
    {
        var (threadId, messageId) = await AliceWritesToBobAsync("Buy cheap watches");
        var reportId = await ReportAsync(Bob, threadId, messageId);

        await EraseAsync(Bob.Id);

        var row = (await moderator.GetPageAsync(Queue)).Find(ReportRow(reportId)) ?? throw new Xunit.Sdk.XunitException($"Report {reportId} is no longer in the queue.");
        Assert.Contains("Former member", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Bob.DisplayName, row.TextContent, StringComparison.Ordinal);
        var page = await moderator.GetPageAsync(ReportPage(reportId));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Former member", page.Single("#um-report-facts").TextContent, StringComparison.Ordinal);
        Assert.Empty((await ExportAsync(Bob.Id)).Reports);
    }

    [Fact]
    public async Task ErasingAUser_TakesTheirIdOutOfTheModerationLog_AndKeepsWhatWasDone()
    {
        var (threadId, messageId) = await AliceWritesToBobAsync("Buy cheap watches");
        var note = UniqueNote("Selling watches");
        await SuspendForAWeekAsync(await ReportAsync(Bob, threadId, messageId), note);
        var before = await moderator.LogRowAsync(note) ?? throw new Xunit.Sdk.XunitException("The suspension is not in the log.");
        Assert.Contains(Alice.DisplayName, before.TextContent, StringComparison.Ordinal);

        await EraseAsync(Alice.Id);

        var after = await moderator.LogRowAsync(note) ?? throw new Xunit.Sdk.XunitException("The suspension left the log.");
        Assert.Equal("suspended", after.GetAttribute("data-um-action"));
        Assert.DoesNotContain(Alice.DisplayName, after.TextContent, StringComparison.Ordinal);
        Assert.Contains("Moderator", after.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePurge_TakesAPurgedThreadsReportsAndHeldReplies_WithIt()
    {
        var (threadId, messageId) = await AliceWritesToBobAsync("Buy cheap watches");
        var reportId = await ReportAsync(Bob, threadId, messageId);
        await Alice.SendReplyAsync(threadId, $"Last chance {HoldWord}");
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Thread(threadId))).AwaitingIds());
        await Alice.DeleteAsync(threadId);
        await Bob.DeleteAsync(threadId);
        Assert.NotNull((await moderator.GetPageAsync(Queue)).Find(ReportRow(reportId)));

        var purged = await PurgeAsync();

        Assert.True(purged >= 1, $"The purge removed {purged} threads.");
        Assert.Equal(HttpStatusCode.NotFound, (await Bob.GetPageAsync(Paths.Thread(threadId))).Status);
        Assert.Null((await moderator.GetPageAsync(Queue)).Find(ReportRow(reportId)));
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.GetPageAsync(ReportPage(reportId))).Status);
        Assert.Null((await moderator.GetPageAsync(Held)).HeldItem(heldId));
        Assert.Empty((await ExportAsync(Alice.Id)).AwaitingReview);
    }

    protected override void ConfigureServices(IServiceCollection services) => AddTestFilters(services);

    private static string ReportRow(long reportId) => $"li[data-um-report-id='{reportId.ToString(CultureInfo.InvariantCulture)}']";

    private static string ReportPage(long reportId) => $"{Queue}/reports/{reportId.ToString(CultureInfo.InvariantCulture)}";

    private Task<(long ThreadId, long MessageId)> AliceWritesToBobAsync(string content) => WriteAsync(Alice, Bob, content);

    /// <summary>Starts a thread from <paramref name="sender"/>; returns it and its message's id, as the recipient's page shows it.</summary>
    private static async Task<(long ThreadId, long MessageId)> WriteAsync(BrowserClient sender, BrowserClient recipient, string content)
    {
        var threadId = await sender.StartThreadAsync(recipient.UserName, "Offer", content);
        var thread = await recipient.GetPageAsync(Paths.Thread(threadId));
        var message = thread.Single("#um-messages [data-um-message-id]");
        return (threadId, long.Parse(message.GetAttribute("data-um-message-id")!, CultureInfo.InvariantCulture));
    }

    /// <summary>Reports a message as spam through the API; returns the report's id.</summary>
    private static async Task<long> ReportAsync(BrowserClient reporter, long threadId, long messageId)
    {
        await reporter.UseAntiforgeryAsync();
        var response = await reporter.PostJsonAsync(
            $"{ApiSteps.Thread(threadId)}/messages/{messageId.ToString(CultureInfo.InvariantCulture)}/report", new { reason = "spam" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>The moderator decides a report: the sender's messaging is suspended for seven days, with <paramref name="note"/>.</summary>
    private async Task SuspendForAWeekAsync(long reportId, string note)
    {
        var page = await moderator.GetPageAsync(ReportPage(reportId));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var response = await moderator.SubmitFormAsync(page, "#um-decision-form", new Dictionary<string, string> { ["Decision"] = "suspend", ["Duration"] = "7", ["Note"] = note });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<UserDataExport> ExportAsync(string userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().ExportUserDataAsync(userId);
    }

    private async Task EraseAsync(string userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().EraseUserDataAsync(userId);
    }

    /// <summary>Purges what every participant deleted up to a minute from now by the app's clock, as the retention job does.</summary>
    private async Task<int> PurgeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return await scope.ServiceProvider.GetRequiredService<ThreadPurge>().PurgeAsync(now.AddMinutes(1), CancellationToken.None);
    }
}
