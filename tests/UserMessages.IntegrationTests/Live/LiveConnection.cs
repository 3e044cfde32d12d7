using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Live;

/// <summary>What the hub's <c>messageSent</c> event carries.</summary>
public sealed record LiveMessageEvent(
    long ThreadId,
    long MessageId,
    string Subject,
    string SenderId,
    string SenderName,
    string Content,
    DateTime SentAt,
    bool IsReply);

/// <summary>
/// A SignalR client of the messaging hub over the in-memory test server (long polling: the test
/// server's handler has no WebSockets), signed in by the test header, recording every event.
/// </summary>
public sealed class LiveConnection : IAsyncDisposable
{
    public const string HubPath = "messages/hub";

    /// <summary>How long to wait for an event to arrive before failing (a bound on waiting, not a speed check).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<LiveMessageEvent> messages = Channel.CreateUnbounded<LiveMessageEvent>();
    private readonly Channel<int> unreadCounts = Channel.CreateUnbounded<int>();
    private readonly Channel<int> requestCounts = Channel.CreateUnbounded<int>();

    private LiveConnection(HubConnection connection)
    {
        Connection = connection;
        connection.On<LiveMessageEvent>("messageSent", m => messages.Writer.TryWrite(m));
        connection.On<int>("unreadCount", c => unreadCounts.Writer.TryWrite(c));
        connection.On<int>("requestCount", c => requestCounts.Writer.TryWrite(c));
    }

    public HubConnection Connection { get; }

    public static HubConnection Build(MessagesFactory app, TestUser? user)
        => new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, HubPath), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (user is not null)
                {
                    options.Headers[TestAuthenticationHandler.UserHeader] = user.Id;
                }
            })
            .Build();

    /// <summary>Connects <paramref name="user"/> to the hub and waits until the connection is up.</summary>
    public static async Task<LiveConnection> ConnectAsync(MessagesFactory app, TestUser user)
    {
        var live = new LiveConnection(Build(app, user));
        await live.Connection.StartAsync().WaitAsync(Patience);
        return live;
    }

    public async Task<LiveMessageEvent> NextMessageAsync()
        => await messages.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public async Task<int> NextUnreadCountAsync()
        => await unreadCounts.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public async Task<int> NextRequestCountAsync()
        => await requestCounts.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Whether a <c>messageSent</c> event has arrived and not been read yet.</summary>
    public bool HasPendingMessage => messages.Reader.TryPeek(out _);

    /// <summary>Whether an <c>unreadCount</c> event has arrived and not been read yet.</summary>
    public bool HasPendingUnreadCount => unreadCounts.Reader.TryPeek(out _);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
