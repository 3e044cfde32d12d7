using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Web.Live;

namespace UserMessages.IntegrationTests.Live;

/// <summary>What the hub's <c>State</c> method answers.</summary>
public sealed record LiveStateReply(int Unread, DateTime? InboxLatestAt, long? LatestMessageId);

/// <summary>
/// Issue 23, item 5: a page that may have missed events (the backplane was down, its connection dropped) asks the hub for the
/// state and compares it with what it shows: the unread count, when the inbox last moved, and the open thread's newest message.
/// </summary>
public sealed class LiveStateTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    [Fact]
    public async Task State_TellsTheUnreadCount_WhenTheInboxMoved_AndTheThreadsNewestMessage()
    {
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday at noon?");
        var first = await bob.NextMessageAsync();
        await Alice.ReplyAsync(threadId, "Or Sunday?");
        var reply = await bob.NextMessageAsync();

        var state = await bob.Connection.InvokeAsync<LiveStateReply>("State", threadId);

        Assert.Equal(1, state.Unread);
        Assert.Equal(reply.MessageId, state.LatestMessageId);
        Assert.True(reply.MessageId > first.MessageId);
        Assert.NotNull(state.InboxLatestAt);
        Assert.InRange((state.InboxLatestAt.Value - reply.SentAt).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task State_OfAThreadSomeoneIsNotIn_NamesNoMessage()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Just between us");
        await using var carol = await LiveConnection.ConnectAsync(App, Carol.User);

        var state = await carol.Connection.InvokeAsync<LiveStateReply>("State", threadId);

        Assert.Null(state.LatestMessageId);
        Assert.Equal(0, state.Unread);
    }

    [Fact]
    public async Task State_WithoutAThread_StillTellsTheCountAndTheInbox()
    {
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);
        await Alice.StartThreadAsync(Bob.UserName, "Lunch", "Noon?");
        var message = await bob.NextMessageAsync();

        var state = await bob.Connection.InvokeAsync<LiveStateReply>("State", 0L);

        Assert.Equal(1, state.Unread);
        Assert.Null(state.LatestMessageId);
        Assert.InRange((state.InboxLatestAt!.Value - message.SentAt).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }
}

/// <summary>
/// Issue 23, item 5: a send never waits on the backplane. With a hub whose pushes never finish (a backplane that is down and
/// queues), the message is still saved and the form still answers; the app logs that the push was not out in time.
/// </summary>
/// <remarks>An app per test: the test replaces the hub and reads every log line of the app.</remarks>
public sealed class LivePushBoundTests : IsolatedMessagingTest
{
    /// <summary>How long the test waits for the send before calling it stuck (a bound on waiting, not a speed check).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly LiveLogCapture logs = new();

    [Fact]
    public async Task StuckPushes_DoNotHoldUpTheSend_AndAreLogged()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?").WaitAsync(Patience);
        var reply = await Bob.ReplyAsync(threadId, "Yes, noon.").WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Contains("Yes, noon.", thread.Single("#um-messages").TextContent, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(LivePushes).FullName
            && e.Text.Contains("were not out after", StringComparison.Ordinal));
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IHubContext<UserMessagesHub>>(new StuckHubContext());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider>(logs));
    }

    /// <summary>A hub whose every push is accepted and never finishes.</summary>
    private sealed class StuckHubContext : IHubContext<UserMessagesHub>
    {
        public IHubClients Clients { get; } = new StuckClients();

        public IGroupManager Groups => throw new InvalidOperationException("No groups in this test.");
    }

    private sealed class StuckClients : IHubClients, IClientProxy
    {
        public IClientProxy All => this;

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => this;

        public IClientProxy Client(string connectionId) => this;

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => this;

        public IClientProxy Group(string groupName) => this;

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => this;

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => this;

        public IClientProxy User(string userId) => this;

        public IClientProxy Users(IReadOnlyList<string> userIds) => this;

        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
            => new TaskCompletionSource().Task;
    }
}
