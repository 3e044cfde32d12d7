using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Services;

/// <summary>
/// A user's own state of threads: read, unread, archived, deleted, restored — one thread or many
/// in one statement — and leaving a thread. Nobody else's state changes.
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

        var now = Now();
        var left = ParticipantState.Left;
        var rows = db.Participants.Where(p => p.UserId == userId && ids.Contains(p.ThreadId) && p.State != left);
        return await InTransactionAsync(async () =>
        {
            // All or nothing: one thread the user is not in makes the whole request "not found".
            if (await rows.CountAsync(cancellationToken) != ids.Count)
            {
                return MessagingResult.NotFound;
            }

            await ApplyAsync(rows, action, now, cancellationToken);
            await CountUnreadChangesAsync(rows, cancellationToken);
            return MessagingResult.Success;
        }, cancellationToken);
    }

    public async Task<MessagingResult> LeaveThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = Now();
        var left = ParticipantState.Left;
        return await InTransactionAsync(async () =>
        {
            var row = db.Participants.Where(p => p.ThreadId == threadId && p.UserId == userId);
            var changed = await row.Where(p => p.State != left)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, left).SetProperty(p => p.StateChangedAt, now).SetProperty(p => p.IsUnread, false), cancellationToken);
            if (changed == 0)
            {
                return MessagingResult.NotFound;
            }

            await CountUnreadChangesAsync(row, cancellationToken);

            // The others see "X left" in the thread; the inbox order does not change for a system line.
            var at = await MessageOrder.StampAsync(db, threadId, now, cancellationToken);
            db.Messages.Add(new Message { ThreadId = threadId, SenderId = userId, SentAt = at, Kind = MessageKind.Left });
            await db.Context.SaveChangesAsync(cancellationToken);
            await db.PendingNotifications.Where(n => n.ThreadId == threadId && n.RecipientId == userId).ExecuteDeleteAsync(cancellationToken);
            return MessagingResult.Success;
        }, cancellationToken);
    }

    private Task ApplyAsync(IQueryable<ThreadParticipant> rows, ThreadAction action, DateTime now, CancellationToken cancellationToken)
    {
        var active = ParticipantState.Active;
        return action switch
        {
            ThreadAction.MarkRead => rows.ExecuteUpdateAsync(
                s => s.SetProperty(p => p.IsUnread, false)
                    .SetProperty(p => p.LastReadMessageId, p => db.Threads.Where(t => t.Id == p.ThreadId).Select(t => (long?)t.LatestMessageId).FirstOrDefault()),
                cancellationToken),
            ThreadAction.MarkUnread => rows.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsUnread, true), cancellationToken),
            ThreadAction.Archive => MoveAsync(rows, ParticipantState.Archived, now, cancellationToken),
            ThreadAction.Delete => MoveAsync(rows, ParticipantState.Deleted, now, cancellationToken),
            ThreadAction.Restore => MoveAsync(rows, active, now, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    private static Task<int> MoveAsync(IQueryable<ThreadParticipant> rows, ParticipantState state, DateTime now, CancellationToken cancellationToken)
        => rows.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.StateChangedAt, p => p.State == state ? p.StateChangedAt : now).SetProperty(p => p.State, state),
            cancellationToken);
}
