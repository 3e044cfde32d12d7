using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.SignalR.Client;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.IntegrationTests.Live;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>The "Seen by" line under a message on the thread page: its text and the ids it names.</summary>
public sealed record SeenReceipt(string Text, IReadOnlyList<string> Ids)
{
    private const string Prefix = "Seen by ";

    /// <summary>The names the line lists, in the order it lists them.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            Assert.StartsWith(Prefix, Text, StringComparison.Ordinal);
            return Text[Prefix.Length..].Split(", ");
        }
    }
}

/// <summary>Read receipts as a user meets them: the "Seen by" lines of the thread page, the setting on the settings page.</summary>
public static class ReceiptSteps
{
    /// <summary>The receipt under message <paramref name="messageId"/> on the page, or null when it shows none.</summary>
    public static SeenReceipt? ReceiptOf(this HtmlPage page, long messageId)
    {
        var message = page.Single($"li.um-message#message-{messageId.ToString(CultureInfo.InvariantCulture)}");
        var receipts = message.QuerySelectorAll(".um-message__seen");
        Assert.True(receipts.Length <= 1, $"More than one receipt under message {messageId}: {message.OuterHtml}");
        return receipts.Length == 0 ? null : Read(receipts[0]);
    }

    /// <summary>Every receipt on the page.</summary>
    public static IReadOnlyList<SeenReceipt> AllReceipts(this HtmlPage page)
        => page.Document.QuerySelectorAll(".um-message__seen").Select(Read).ToList();

    /// <summary>The thread page's <c>data-um-receipts</c>: <c>on</c> when the viewer sees receipts, <c>off</c> when not.</summary>
    public static string? ReceiptsMode(this HtmlPage page)
        => page.Single(".um[data-um-page='thread']").GetAttribute("data-um-receipts");

    /// <summary>Ticks or unticks "Share read receipts" on the settings page and saves; returns the page the save leads back to.</summary>
    public static async Task<HtmlPage> ShareReadReceiptsAsync(this BrowserClient browser, bool share)
    {
        var page = await browser.GetPageAsync(MailboxPaths.Settings);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        if (share)
        {
            page.Tick("#um-settings-form #um-receipts");
        }
        else
        {
            page.Untick("#um-settings-form #um-receipts");
        }

        var response = await browser.PressAsync(page, "#um-settings-save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await browser.FollowRedirectAsync(response);
    }

    /// <summary>Whether the settings page shows "Share read receipts" ticked.</summary>
    public static bool SharesReadReceipts(this HtmlPage settings)
    {
        var checkbox = settings.Single<IHtmlInputElement>("#um-settings-form #um-receipts");
        Assert.Equal(("ShareReadReceipts", "true"), (checkbox.Name, checkbox.Value));
        return checkbox.IsChecked;
    }

    /// <summary>The <c>seenBy</c> of message <paramref name="messageId"/> in the API's thread: (id, displayName) pairs.</summary>
    public static IReadOnlyList<(string Id, string DisplayName)> ApiSeenBy(JsonDocument thread, long messageId)
    {
        var message = thread.RootElement.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == messageId);
        return message.GetProperty("seenBy").EnumerateArray()
            .Select(u => (u.GetProperty("id").GetString()!, u.GetProperty("displayName").GetString()!))
            .ToList();
    }

    private static SeenReceipt Read(IElement receipt)
        => new(
            receipt.TextContent.Trim(),
            (receipt.GetAttribute("data-um-seen-by") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>What the hub's <c>typing</c> event carries.</summary>
public sealed record LiveTyping(long ThreadId, string UserId);

/// <summary>What the hub's <c>seen</c> event carries.</summary>
public sealed record LiveSeen(long ThreadId, string UserId, long MessageId);

/// <summary>One event a <see cref="LiveThreadPage"/> heard, with its payload as sent.</summary>
public sealed record LiveHeard(string Name, JsonElement Payload);

/// <summary>
/// A member's open thread page on the hub: it tells the hub its user is typing or has seen the thread (as the site's script does),
/// and records the events it listens to in the one order they arrived, so a test can tell what came before what.
/// </summary>
public sealed class LiveThreadPage : IAsyncDisposable
{
    public const string Typing = "typing";
    public const string Seen = "seen";
    public const string UnreadCount = "unreadCount";
    public const string MessageSent = "messageSent";

    /// <summary>How long to wait for an event or a call before failing (a bound on waiting, not a speed check).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<LiveHeard> heard = Channel.CreateUnbounded<LiveHeard>();
    private readonly HubConnection connection;

    private LiveThreadPage(HubConnection connection, IEnumerable<string> events)
    {
        this.connection = connection;
        foreach (var name in events)
        {
            connection.On<JsonElement>(name, payload => heard.Writer.TryWrite(new LiveHeard(name, payload.Clone())));
        }
    }

    /// <summary>Connects <paramref name="user"/> to the hub, listening to <paramref name="events"/> (none: a page that only sends).</summary>
    public static async Task<LiveThreadPage> OpenAsync(MessagesFactory app, BrowserClient user, params string[] events)
    {
        var page = new LiveThreadPage(LiveConnection.Build(app, user.User), events);
        await page.connection.StartAsync().WaitAsync(Patience);

        // The client is started once the handshake is answered, before the hub has put the connection in its user's group;
        // the hub answers a connection's first call only after that, so events sent from now on reach this page.
        await page.connection.InvokeAsync<JsonElement>("State", 0L).WaitAsync(Patience);
        return page;
    }

    /// <summary>Calls the hub's <c>Typing</c> and waits until the hub has answered.</summary>
    public Task TypingAsync(long threadId) => connection.InvokeAsync(nameof(Typing), threadId).WaitAsync(Patience);

    /// <summary>Calls the hub's <c>Seen</c> and waits until the hub has answered.</summary>
    public Task SeenAsync(long threadId) => connection.InvokeAsync(nameof(Seen), threadId).WaitAsync(Patience);

    /// <summary>The next event heard, whatever it is.</summary>
    public async Task<LiveHeard> NextAsync() => await heard.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>The next event heard, which must be <c>typing</c>.</summary>
    public async Task<LiveTyping> NextTypingAsync() => As<LiveTyping>(await NextAsync(), Typing);

    /// <summary>The next event heard, which must be <c>seen</c>.</summary>
    public async Task<LiveSeen> NextSeenAsync() => As<LiveSeen>(await NextAsync(), Seen);

    /// <summary>The next event heard, which must be <c>unreadCount</c>.</summary>
    public async Task<int> NextUnreadCountAsync() => As<int>(await NextAsync(), UnreadCount);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static T As<T>(LiveHeard heard, string name)
    {
        Assert.True(heard.Name == name, $"Expected '{name}', heard '{heard.Name}': {heard.Payload.GetRawText()}");
        return heard.Payload.Deserialize<T>(JsonSerializerOptions.Web)!;
    }
}
