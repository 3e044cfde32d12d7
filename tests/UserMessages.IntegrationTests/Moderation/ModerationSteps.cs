using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using UserMessages.Events;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.IntegrationTests.Live;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// The tests of issue 21, items 2, 3 and 6: Alice, Bob and Carol, and Mona, a moderator (role "Moderator"). The app's
/// clock stands still unless a test moves it, and a handler of the host's records every moderation event.
/// </summary>
public abstract class ModerationTest(SharedApp sharedApp) : MessagingTest(sharedApp)
{
    protected BrowserClient Moderator { get; private set; } = null!;

    protected ManualClock Clock => App.Services.GetRequiredService<ManualClock>();

    /// <summary>The moderation events the host's handler was given, oldest first (of every test of the class).</summary>
    protected IReadOnlyList<ModerationEvent> Events => [.. App.Services.GetRequiredService<RecordedModerationEvents>().All];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Moderator = App.CreateBrowser(await CreateUserAsync("mona"), "Moderator");
    }

    public override async Task DisposeAsync()
    {
        Moderator?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Alice's thread to <paramref name="to"/>; returns it and its first message.</summary>
    protected async Task<(long ThreadId, long MessageId)> AliceWritesAsync(string content, params BrowserClient[] to)
    {
        var threadId = await Alice.StartThreadAsync(string.Join(", ", to.Select(b => b.UserName)), "Chat", content);
        return (threadId, Assert.Single(await Alice.MessageIdsAsync(threadId)));
    }

    /// <summary>Moves the clock to the middle of a minute (a whole second), so that an end in days from now reads the same at any precision the database keeps.</summary>
    protected DateTime ClockAtHalfMinute()
    {
        var now = Clock.GetUtcNow();
        var halfMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1).AddSeconds(30);
        Clock.Advance(halfMinute - now);
        return Clock.GetUtcNow().UtcDateTime;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<UserMessagesOptions>(options =>
        {
            // Moving the clock must not make the sample's e-mail digests fall due (they would be written to its folder).
            options.Notifications.QuietPeriod = TimeSpan.FromDays(365);
            options.Notifications.MaxDelay = TimeSpan.FromDays(365);
        });
        ManualClock.Replace(services);
        services.AddSingleton<RecordedModerationEvents>();

        // As a host registers its handler (the sample's AddUserMessages has run; a second call adds nothing else).
        services.AddUserMessages().AddModerationEventHandler<RecordingModerationHandler>();
    }
}

/// <summary>What the host's moderation handler was told.</summary>
public sealed class RecordedModerationEvents
{
    private readonly ConcurrentQueue<ModerationEvent> events = new();

    public IEnumerable<ModerationEvent> All => events;

    public void Add(ModerationEvent moderationEvent) => events.Enqueue(moderationEvent);
}

/// <summary>A host's moderation handler that records every event.</summary>
public sealed class RecordingModerationHandler(RecordedModerationEvents recorded) : IModerationEventHandler
{
    public Task HandleAsync(ModerationEvent moderationEvent, CancellationToken cancellationToken)
    {
        recorded.Add(moderationEvent);
        return Task.CompletedTask;
    }
}

/// <summary>The moderation pages and the report form and API, used as a member and a moderator would.</summary>
public static class ModerationSteps
{
    public const string Queue = "/messages/moderation";
    public const string Suspensions = "/messages/moderation/suspensions";
    public const string Lift = "/messages/moderation/suspensions/lift";
    public const string Log = "/messages/moderation/log";
    public const string Blocked = "/messages/blocked";

    public static string Report(long reportId) => $"/messages/moderation/reports/{reportId.ToString(CultureInfo.InvariantCulture)}";

    public static string ReportForm(long threadId, long messageId)
        => $"{Paths.Thread(threadId)}/report/{messageId.ToString(CultureInfo.InvariantCulture)}";

    public static string ApiReport(long threadId, long messageId)
        => $"{ApiSteps.Thread(threadId)}/messages/{messageId.ToString(CultureInfo.InvariantCulture)}/report";

    /// <summary>The ids of the messages and system lines of the thread's page, oldest first.</summary>
    public static async Task<IReadOnlyList<long>> MessageIdsAsync(this BrowserClient browser, long threadId)
    {
        var page = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.MessageIds("#um-messages");
    }

    /// <summary>The <c>data-um-message-id</c>s inside <paramref name="container"/>, in page order.</summary>
    public static IReadOnlyList<long> MessageIds(this HtmlPage page, string container)
        => page.Document.QuerySelectorAll($"{container} [data-um-message-id]")
            .Select(e => long.Parse(e.GetAttribute("data-um-message-id")!, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>Replies through the thread page; returns the new message's id (from the redirect to <c>#message-N</c>).</summary>
    public static async Task<long> SayAsync(this BrowserClient browser, long threadId, string content)
    {
        var response = await browser.ReplyAsync(threadId, content);
        var location = response.Headers.Location!.OriginalString;
        var anchor = location.IndexOf("#message-", StringComparison.Ordinal);
        Assert.True(anchor > 0, $"The reply did not lead to its message: {location}");
        return long.Parse(location[(anchor + "#message-".Length)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the report page of the message and sends its form with <paramref name="fields"/> (Reason, Note, BlockSender).</summary>
    public static async Task<HttpResponseMessage> ReportThroughThePageAsync(this BrowserClient browser, long threadId, long messageId, IReadOnlyDictionary<string, string> fields)
    {
        var form = await browser.GetPageAsync(ReportForm(threadId, messageId));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await browser.SubmitFormAsync(form, "#um-report-form", fields);
    }

    /// <summary>Reports through the API (as the site's scripts do, with the antiforgery header); returns the response.</summary>
    public static async Task<HttpResponseMessage> ApiReportAsync(this BrowserClient browser, long threadId, long messageId, object body)
    {
        await browser.UseAntiforgeryAsync();
        return await browser.PostJsonAsync(ApiReport(threadId, messageId), body);
    }

    /// <summary>Reports through the API, asserting 201; returns the report's id.</summary>
    public static async Task<long> ReportAsync(this BrowserClient browser, long threadId, long messageId, string reason = "spam", string? note = null)
    {
        var response = await browser.ApiReportAsync(threadId, messageId, new { reason, note });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Report: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>Opens the report's page as a moderator and sends the decision form; returns the response.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this BrowserClient moderator, long reportId, string decision, string duration = "1", string note = "")
    {
        var page = await moderator.GetPageAsync(Report(reportId));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await moderator.SubmitFormAsync(page, "#um-decision-form", new Dictionary<string, string> { ["Decision"] = decision, ["Duration"] = duration, ["Note"] = note });
    }

    /// <summary>Decides, asserting the moderator is sent back to the queue.</summary>
    public static async Task DecidedAsync(this BrowserClient moderator, long reportId, string decision, string duration = "1", string note = "")
    {
        var response = await moderator.DecideAsync(reportId, decision, duration, note);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Decision: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Queue, response.Headers.Location!.OriginalString);
    }

    /// <summary>The open reports the queue lists, newest first.</summary>
    public static async Task<IReadOnlyList<long>> QueuedReportIdsAsync(this BrowserClient moderator)
    {
        var queue = await moderator.GetPageAsync(Queue);
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        return queue.ReportIds();
    }

    /// <summary>The reports a queue page lists, in page order.</summary>
    public static List<long> ReportIds(this HtmlPage queue)
        => queue.Document.QuerySelectorAll("li[data-um-report-id]")
            .Select(e => long.Parse(e.GetAttribute("data-um-report-id")!, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The API's thread: each message by id, with its kind, content and <c>reportedByMe</c>.</summary>
    public static async Task<IReadOnlyDictionary<long, (string Kind, string Content, bool ReportedByMe)>> ApiMessagesAsync(this BrowserClient browser, long threadId)
    {
        using var thread = await browser.GetJsonAsync(ApiSteps.Thread(threadId));
        return thread.RootElement.GetProperty("messages").EnumerateArray().ToDictionary(
            m => m.GetProperty("id").GetInt64(),
            m => (m.GetProperty("kind").GetString()!, m.GetProperty("content").GetString()!, m.GetProperty("reportedByMe").GetBoolean()));
    }

    /// <summary>A time the API wrote, as UTC (with or without its offset).</summary>
    public static DateTime Utc(string value)
        => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>What the hub's <c>messageRemoved</c> event carries.</summary>
public sealed record LiveRemovalEvent(long ThreadId, long MessageId);

/// <summary>A member's open page listening for <c>messageRemoved</c> over the hub.</summary>
public sealed class LiveRemovals : IAsyncDisposable
{
    /// <summary>How long to wait for an event to arrive before failing (a bound on waiting, not a speed check).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<LiveRemovalEvent> removals = Channel.CreateUnbounded<LiveRemovalEvent>();
    private readonly HubConnection connection;

    private LiveRemovals(HubConnection connection)
    {
        this.connection = connection;
        connection.On<LiveRemovalEvent>("messageRemoved", r => removals.Writer.TryWrite(r));
    }

    public static async Task<LiveRemovals> ConnectAsync(MessagesFactory app, TestUser user)
    {
        var live = new LiveRemovals(LiveConnection.Build(app, user));
        await live.connection.StartAsync().WaitAsync(Patience);
        return live;
    }

    public async Task<LiveRemovalEvent> NextAsync() => await removals.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
