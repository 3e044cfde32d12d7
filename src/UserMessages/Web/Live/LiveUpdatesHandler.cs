using Microsoft.AspNetCore.SignalR;
using UserMessages.Events;
using UserMessages.Store;
using UserMessages.Users;

namespace UserMessages.Web.Live;

/// <summary>
/// Pushes each committed message, edit, deletion, removal and read mark to the open pages of those who may see it (events listed
/// in docs/architecture.md); database reads come first, then the pushes go out together, waited for as <see cref="LivePushes"/> says.
/// </summary>
internal sealed class LiveUpdatesHandler(IHubContext<UserMessagesHub> hub, IUserDirectory users, FormerMember formerMember, IMessageStore store, LivePushes pushes)
    : IMessageSentHandler, IModerationEventHandler, IMessageChangedHandler, IThreadSeenHandler
{
    public const string MessageSentEvent = "messageSent";
    public const string UnreadCountEvent = "unreadCount";
    public const string MessageRemovedEvent = "messageRemoved";
    public const string RequestCountEvent = "requestCount";
    public const string MessageEditedEvent = "messageEdited";
    public const string MessageDeletedEvent = "messageDeleted";
    public const string SeenEvent = "seen";
    public const string TypingEvent = "typing";
    public const string ThreadReadEvent = "threadRead";

    public Task HandleAsync(ThreadSeen seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var push = hub.Clients.Groups(seen.ToldIds.Select(UserMessagesHub.GroupOf).ToList())
            .SendAsync(SeenEvent, new { threadId = seen.ThreadId, userId = seen.UserId, messageId = seen.MessageId }, CancellationToken.None);
        return pushes.WaitAsync([push], SeenEvent);
    }

    public Task HandleAsync(MessageChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var groups = change.ParticipantIds.Select(UserMessagesHub.GroupOf).ToList();
        var (name, payload) = change switch
        {
            MessageEdited edited => (MessageEditedEvent, (object)new
            {
                threadId = edited.ThreadId, messageId = edited.MessageId, content = edited.Content, html = edited.ContentHtml,
                editedAt = DateTime.SpecifyKind(edited.At, DateTimeKind.Utc),
            }),
            _ => (MessageDeletedEvent, new { threadId = change.ThreadId, messageId = change.MessageId }),
        };
        return pushes.WaitAsync([hub.Clients.Groups(groups).SendAsync(name, payload, CancellationToken.None)], name);
    }

    public Task HandleAsync(ModerationEvent moderationEvent, CancellationToken cancellationToken)
        => moderationEvent is MessageRemoved removed
            ? pushes.WaitAsync(
                [hub.Clients.Groups(removed.ParticipantIds.Select(UserMessagesHub.GroupOf).ToList())
                    .SendAsync(MessageRemovedEvent, new { threadId = removed.ThreadId, messageId = removed.MessageId }, CancellationToken.None)],
                MessageRemovedEvent)
            : Task.CompletedTask;

    public async Task HandleAsync(MessageSent message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var found = await users.FindByIdsAsync([message.SenderId], cancellationToken);
        var senderName = formerMember.Or(found, message.SenderId).DisplayName;
        var live = new LiveMessage(
            message.ThreadId,
            message.MessageId,
            message.Subject,
            message.SenderId,
            senderName,
            message.Content,
            DateTime.SpecifyKind(message.SentAt, DateTimeKind.Utc),
            message.IsReply,
            message.ContentHtml,
            message.Attachments);

        // A message request reaches its recipient's pages no sooner than its Requests folder is opened. The message goes out
        // first; the counts are read (the request's context) while it does; every push is then waited for within the bound.
        var recipients = message.RecipientIds.Except(message.RequestedIds, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();
        var groups = recipients.Prepend(message.SenderId).Distinct(StringComparer.Ordinal).Select(UserMessagesHub.GroupOf).ToList();
        var sends = new List<Task> { hub.Clients.Groups(groups).SendAsync(MessageSentEvent, live, CancellationToken.None) };
        try
        {
            // A user without a counter row has none unread.
            var counts = await store.CountUnreadAsync(recipients, cancellationToken);
            sends.AddRange(recipients.Select(id => hub.Clients.Group(UserMessagesHub.GroupOf(id)).SendAsync(UnreadCountEvent, counts[id], CancellationToken.None)));

            // Those it is a request for see the count of their Requests folder grow, and nothing else (no toast, no badge).
            if (message.RequestedIds.Count > 0)
            {
                sends.AddRange((await store.CountRequestsAsync(message.RequestedIds, cancellationToken))
                    .Select(r => hub.Clients.Group(UserMessagesHub.GroupOf(r.Key)).SendAsync(RequestCountEvent, r.Value, CancellationToken.None)));
            }
        }
        finally
        {
            await pushes.WaitAsync(sends, MessageSentEvent);
        }
    }
}
