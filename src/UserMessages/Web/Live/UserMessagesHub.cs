using Microsoft.AspNetCore.SignalR;
using UserMessages.Services;
using UserMessages.Store;
using UserMessages.Users;

namespace UserMessages.Web.Live;

/// <summary>
/// The live-updates hub, mapped by <c>MapUserMessages</c> under <c>{prefix}/hub</c> for signed-in users only. The server pushes to
/// each user's own group; a client tells it two things about an open thread: that its user is typing, and that they saw what arrived.
/// </summary>
internal sealed class UserMessagesHub(IUserDirectory users, IUserMessagesService messages, IMessageStore store, TimeProvider clock) : Hub
{
    /// <summary>The shortest time between two typing signals of one connection for one thread that are passed on.</summary>
    public static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(2);

    /// <summary>The shortest time between two "seen" marks of one connection for one thread (the script waits a second).</summary>
    public static readonly TimeSpan SeenInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The group every connection of one user joins.</summary>
    public static string GroupOf(string userId) => "usermessages:user:" + userId;

    public override async Task OnConnectedAsync()
    {
        if (UserId() is not { } userId)
        {
            // The endpoint requires a signed-in user; a principal without an id gets nothing.
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(userId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>The user is typing in thread <paramref name="threadId"/>: the others who may see it are told (at most one signal every two seconds per connection).</summary>
    public async Task Typing(long threadId)
    {
        // A thread the user may not see is treated like one that does not exist: nobody is told anything.
        if (UserId() is not { } userId || !Due("typing", TypingInterval)
            || await store.ReadMarksAsync(userId, threadId, Context.ConnectionAborted) is not { } marks)
        {
            return;
        }

        var others = marks.Where(m => m.UserId != userId).Select(m => GroupOf(m.UserId)).ToList();
        await Clients.Groups(others).SendAsync(LiveUpdatesHandler.TypingEvent, new { threadId, userId }, Context.ConnectionAborted);
    }

    /// <summary>The user saw thread <paramref name="threadId"/> as it is now (its page is open and shown): it is marked read, the others are told.</summary>
    public async Task Seen(long threadId)
    {
        if (UserId() is not { } userId || !Due("seen", SeenInterval)
            || !(await messages.MarkSeenAsync(userId, threadId, Context.ConnectionAborted)).Succeeded)
        {
            return;
        }

        // The user's other pages show the thread read, and the badge without it.
        var unread = await messages.CountUnreadAsync(userId, Context.ConnectionAborted);
        await Clients.Group(GroupOf(userId)).SendAsync(LiveUpdatesHandler.ThreadReadEvent, new { threadId }, Context.ConnectionAborted);
        await Clients.Group(GroupOf(userId)).SendAsync(LiveUpdatesHandler.UnreadCountEvent, unread, Context.ConnectionAborted);
    }

    /// <summary>
    /// What an open page needs to find events it missed (after a reconnect, when shown again, and every half minute): the unread
    /// count, when the inbox last moved, and the newest message of thread <paramref name="threadId"/> (0 for none; null when not theirs).
    /// </summary>
    public async Task<LiveStateReply?> State(long threadId)
    {
        if (UserId() is not { } userId)
        {
            return null;
        }

        var state = await store.ReadLiveStateAsync(userId, threadId, Context.ConnectionAborted);
        var unread = await messages.CountUnreadAsync(userId, Context.ConnectionAborted);
        return new LiveStateReply(
            unread,
            state.InboxLatestAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            state.ThreadLatestMessageId);
    }

    private string? UserId() => Context.User is { } principal && users.GetUserId(principal) is { Length: > 0 } id ? id : null;

    /// <summary>
    /// Whether this connection's last signal of <paramref name="kind"/> (for any thread: a page shows one) is at least
    /// <paramref name="interval"/> old; then it is now. One entry per kind keeps a connection's memory bounded.
    /// </summary>
    private bool Due(string kind, TimeSpan interval)
    {
        var key = "usermessages:" + kind;
        var now = clock.GetUtcNow();
        if (Context.Items.TryGetValue(key, out var last) && last is DateTimeOffset at && now - at < interval)
        {
            return false;
        }

        Context.Items[key] = now;
        return true;
    }
}

/// <summary>The reply to <see cref="UserMessagesHub.State"/> (camelCase on the wire).</summary>
internal sealed record LiveStateReply(int Unread, DateTime? InboxLatestAt, long? LatestMessageId);
