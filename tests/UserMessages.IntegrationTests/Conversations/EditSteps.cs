using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using UserMessages.Events;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.IntegrationTests.Live;
using UserMessages.Notifications;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>A message as the API's thread (or versions) answer shows it.</summary>
public sealed record ApiMessageView(long Id, string SenderId, string Kind, string Content, string Html, DateTime SentAt, DateTime? EditedAt, DateTime? EditableUntil);

/// <summary>One earlier text of an edited message, as the API's versions answer shows it.</summary>
public sealed record ApiVersionView(string Content, string Html, DateTime ReplacedAt);

/// <summary>Editing and deleting one's own message through the pages and the API, each step as a browser or the site's scripts send it.</summary>
public static class EditSteps
{
    public static string EditPage(long threadId, long messageId) => $"{Paths.Thread(threadId)}/messages/{Id(messageId)}/edit";

    public static string DeletePage(long threadId, long messageId) => $"{Paths.Thread(threadId)}/messages/{Id(messageId)}/delete";

    public static string VersionsPage(long threadId, long messageId) => $"{Paths.Thread(threadId)}/messages/{Id(messageId)}/versions";

    public static string ApiMessage(long threadId, long messageId) => $"{ApiSteps.Thread(threadId)}/messages/{Id(messageId)}";

    public static string ApiVersions(long threadId, long messageId) => ApiMessage(threadId, messageId) + "/versions";

    /// <summary>The redirect after a successful edit or deletion: the thread page at the message.</summary>
    public static string AtMessage(long threadId, long messageId) => $"{Paths.Thread(threadId)}#message-{Id(messageId)}";

    /// <summary>Replies through the API (the antiforgery header already set); returns the new message's id.</summary>
    public static async Task<long> ApiSayAsync(this BrowserClient browser, long threadId, string content)
    {
        var response = await browser.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Reply: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("messageId").GetInt64();
    }

    /// <summary>Starts a thread through the compose page; returns it and its first message.</summary>
    public static async Task<(long ThreadId, long MessageId)> WritesAsync(this BrowserClient browser, string to, string content, string subject = "Plans")
    {
        var threadId = await browser.StartThreadAsync(to, subject, content);
        var messages = await browser.ApiThreadMessagesAsync(threadId);
        return (threadId, Assert.Single(messages).Id);
    }

    /// <summary>Opens the edit page of the message, asserting 200, and saves it with <paramref name="content"/>; returns the response.</summary>
    public static async Task<HttpResponseMessage> EditThroughThePageAsync(this BrowserClient browser, long threadId, long messageId, string content)
    {
        var form = await browser.GetPageAsync(EditPage(threadId, messageId));
        Assert.True(form.Status == HttpStatusCode.OK, $"Edit page: {(int)form.Status} {form.Html}");
        return await browser.SubmitFormAsync(form, "#um-edit-form", new Dictionary<string, string> { ["Content"] = content });
    }

    /// <summary>Posts the edit form with this user's valid antiforgery token, as a page left open (or a hand-made request) would.</summary>
    public static async Task<HttpResponseMessage> PostEditAsync(this BrowserClient browser, long threadId, long messageId, string content)
        => await browser.PostFormAsync(EditPage(threadId, messageId), [new(BrowserClient.TokenField, await browser.TokenAsync()), new("Content", content)]);

    /// <summary>Posts the delete form with this user's valid antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostDeleteAsync(this BrowserClient browser, long threadId, long messageId)
        => await browser.PostFormAsync(DeletePage(threadId, messageId), [new(BrowserClient.TokenField, await browser.TokenAsync())]);

    /// <summary>Presses the Delete button of the message on the thread page.</summary>
    public static async Task<HttpResponseMessage> DeleteThroughThePageAsync(this BrowserClient browser, long threadId, long messageId)
    {
        var thread = await browser.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        return await browser.PressAsync(thread, $"#message-{Id(messageId)} form.um-message__delete-form button[data-um-action='delete-message']");
    }

    public static Task<HttpResponseMessage> ApiEditAsync(this BrowserClient browser, long threadId, long messageId, string content)
        => browser.Http.PutAsJsonAsync(ApiMessage(threadId, messageId), new { content });

    public static Task<HttpResponseMessage> ApiDeleteAsync(this BrowserClient browser, long threadId, long messageId)
        => browser.Http.DeleteAsync(ApiMessage(threadId, messageId));

    /// <summary>The messages of the API's thread, oldest first.</summary>
    public static async Task<IReadOnlyList<ApiMessageView>> ApiThreadMessagesAsync(this BrowserClient browser, long threadId)
    {
        using var thread = await browser.GetJsonAsync(ApiSteps.Thread(threadId));
        return thread.RootElement.GetProperty("messages").EnumerateArray().Select(ReadMessage).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToList();
    }

    /// <summary>One message of the API's thread.</summary>
    public static async Task<ApiMessageView> ApiMessageAsync(this BrowserClient browser, long threadId, long messageId)
        => Assert.Single(await browser.ApiThreadMessagesAsync(threadId), m => m.Id == messageId);

    /// <summary>The API's versions of a message: as it is now and its earlier texts, newest first.</summary>
    public static async Task<(ApiMessageView Current, IReadOnlyList<ApiVersionView> Earlier)> ApiVersionsAsync(this BrowserClient browser, long threadId, long messageId)
    {
        using var json = await browser.GetJsonAsync(ApiVersions(threadId, messageId));
        var earlier = json.RootElement.GetProperty("earlier").EnumerateArray()
            .Select(e => new ApiVersionView(e.GetProperty("content").GetString()!, e.GetProperty("html").GetString()!, Utc(e.GetProperty("replacedAt"))!.Value))
            .ToList();
        return (ReadMessage(json.RootElement.GetProperty("current")), earlier);
    }

    /// <summary>Every error text of a validation problem, whatever its field.</summary>
    public static IReadOnlyList<string> AllErrors(JsonElement problem)
        => problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(e => e.GetString()!)).ToList()
            : [problem.GetProperty("detail").GetString()!];

    /// <summary>The id of the one line of <paramref name="kind"/> (<c>joined</c>, <c>left</c>, <c>deleted</c>...) on the thread page.</summary>
    public static long LineId(this HtmlPage page, string kind)
        => long.Parse(page.Single($"#um-messages li[data-um-kind='{kind}']").GetAttribute("data-um-message-id")!, CultureInfo.InvariantCulture);

    private static ApiMessageView ReadMessage(JsonElement m) => new(
        m.GetProperty("id").GetInt64(),
        m.GetProperty("sender").GetProperty("id").GetString()!,
        m.GetProperty("kind").GetString()!,
        m.GetProperty("content").GetString()!,
        m.GetProperty("html").GetString()!,
        Utc(m.GetProperty("sentAt"))!.Value,
        Utc(m.GetProperty("editedAt")),
        Utc(m.GetProperty("editableUntil")));

    private static DateTime? Utc(JsonElement value)
        => value.ValueKind == JsonValueKind.Null
            ? null
            : DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the hub's <c>messageEdited</c> event carries.</summary>
public sealed record LiveEditEvent(long ThreadId, long MessageId, string Content, string? Html, DateTime EditedAt);

/// <summary>What the hub's <c>messageDeleted</c> event carries.</summary>
public sealed record LiveDeleteEvent(long ThreadId, long MessageId);

/// <summary>A member's open page listening for <c>messageEdited</c> and <c>messageDeleted</c> over the hub.</summary>
public sealed class LiveChanges : IAsyncDisposable
{
    /// <summary>How long to wait for an event to arrive before failing (a bound on waiting, not a speed check).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<LiveEditEvent> edits = Channel.CreateUnbounded<LiveEditEvent>();
    private readonly Channel<LiveDeleteEvent> deletions = Channel.CreateUnbounded<LiveDeleteEvent>();
    private readonly HubConnection connection;

    private LiveChanges(HubConnection connection)
    {
        this.connection = connection;
        connection.On<LiveEditEvent>("messageEdited", e => edits.Writer.TryWrite(e));
        connection.On<LiveDeleteEvent>("messageDeleted", d => deletions.Writer.TryWrite(d));
    }

    public static async Task<LiveChanges> ConnectAsync(MessagesFactory app, TestUser user)
    {
        var live = new LiveChanges(LiveConnection.Build(app, user));
        await live.connection.StartAsync().WaitAsync(Patience);
        return live;
    }

    public async Task<LiveEditEvent> NextEditAsync() => await edits.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public async Task<LiveDeleteEvent> NextDeletionAsync() => await deletions.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>The digests the app's notifier was given (of every test of the class).</summary>
public sealed class RecordedDigests
{
    private readonly ConcurrentQueue<MessageDigest> digests = new();

    public IReadOnlyList<MessageDigest> All => [.. digests];

    public void Add(MessageDigest digest) => digests.Enqueue(digest);
}

/// <summary>A notifier that records every digest instead of sending it.</summary>
public sealed class RecordingNotifier(RecordedDigests recorded) : IMessageNotifier
{
    public Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken)
    {
        recorded.Add(digest);
        return Task.CompletedTask;
    }
}

/// <summary>The changes the host's <see cref="IMessageChangedHandler"/> was told of (of every test of the class).</summary>
public sealed class RecordedChanges
{
    private readonly ConcurrentQueue<MessageChanged> changes = new();

    public IReadOnlyList<MessageChanged> All => [.. changes];

    public void Add(MessageChanged change) => changes.Enqueue(change);
}

/// <summary>A host's handler of edits and deletions that records them.</summary>
public sealed class RecordingChangedHandler(RecordedChanges recorded) : IMessageChangedHandler
{
    public Task HandleAsync(MessageChanged change, CancellationToken cancellationToken)
    {
        recorded.Add(change);
        return Task.CompletedTask;
    }
}
