using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>
/// A user's own state of threads: read, unread, archived, deleted, restored (one thread or many, all
/// or nothing) and leaving a thread. Nobody else's state changes.
/// </summary>
internal sealed partial class UserMessagesService
{
    public Task<MessagingResult> DeleteThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
        => ApplyToThreadsAsync(userId, ThreadAction.Delete, [threadId], cancellationToken);

    public Task<MessagingResult> RestoreThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
        => ApplyToThreadsAsync(userId, ThreadAction.Restore, [threadId], cancellationToken);

    public Task<MessagingResult> ArchiveThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
        => ApplyToThreadsAsync(userId, ThreadAction.Archive, [threadId], cancellationToken);

    public Task<MessagingResult> MarkReadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
        => ApplyToThreadsAsync(userId, ThreadAction.MarkRead, [threadId], cancellationToken);

    public async Task<MessagingResult> MarkSeenAsync(string userId, long threadId, CancellationToken cancellationToken = default)
    {
        var marked = await ApplyToThreadsAsync(userId, ThreadAction.MarkRead, [threadId], cancellationToken);
        if (!marked.Succeeded)
        {
            return marked;
        }

        // Only someone who shares read receipts tells, and only those who share them are told.
        if (await store.ReadMarksAsync(userId, threadId, cancellationToken) is { } marks
            && marks.Find(m => m.UserId == userId) is { SharesReadReceipts: true, LastReadMessageId: { } seenUpTo })
        {
            var told = marks.Where(m => m.SharesReadReceipts && m.UserId != userId).Select(m => m.UserId).ToList();
            if (told.Count > 0)
            {
                await seenDispatcher.DispatchAsync(new Events.ThreadSeen(threadId, userId, seenUpTo, told), cancellationToken);
            }
        }

        return marked;
    }

    public Task<MessagingResult> MarkUnreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
        => ApplyToThreadsAsync(userId, ThreadAction.MarkUnread, [threadId], cancellationToken);

    public async Task<MessagingResult> ApplyToThreadsAsync(string userId, ThreadAction action, IReadOnlyCollection<long> threadIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(threadIds);
        var ids = threadIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return MessagingResult.Invalid([describer.NoThreadSelected()]);
        }

        // All or nothing: one thread the user may not see makes the whole request "not found".
        var now = Now();
        var applied = action switch
        {
            ThreadAction.MarkRead => await store.MarkReadAsync(userId, ids, cancellationToken),
            ThreadAction.MarkUnread => await store.MarkUnreadAsync(userId, ids, cancellationToken),
            ThreadAction.Archive => await store.MoveAsync(userId, ids, ParticipantState.Archived, now, cancellationToken),
            ThreadAction.Delete => await store.MoveAsync(userId, ids, ParticipantState.Deleted, now, cancellationToken),
            ThreadAction.Restore => await store.MoveAsync(userId, ids, ParticipantState.Active, now, cancellationToken),
            ThreadAction.Accept => await store.AcceptRequestsAsync(userId, ids, now, cancellationToken),
            ThreadAction.Decline => await store.DeclineRequestsAsync(userId, ids, blockSenders: false, now, cancellationToken),
            ThreadAction.DeclineAndBlock => await store.DeclineRequestsAsync(userId, ids, blockSenders: true, now, cancellationToken),
            ThreadAction.Mute => await store.SetMutedAsync(userId, ids, muted: true, cancellationToken),
            ThreadAction.Unmute => await store.SetMutedAsync(userId, ids, muted: false, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        return applied ? MessagingResult.Success : MessagingResult.NotFound;
    }

    public async Task<MessagingResult> LeaveThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return await store.LeaveAsync(userId, threadId, Now(), cancellationToken) ? MessagingResult.Success : MessagingResult.NotFound;
    }
}
