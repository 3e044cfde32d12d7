using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>A user's own state of threads (one or many in one statement), leaving, adding people, and settings.</summary>
internal partial class MessageStore
{
    public Task<bool> MarkReadAsync(string userId, IReadOnlyList<long> threadIds, CancellationToken cancellationToken)
        => ChangeOwnRowsAsync(userId, threadIds, rows => rows.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.IsUnread, false)
                .SetProperty(p => p.LastReadMessageId, p => Db.Threads.Where(t => t.Id == p.ThreadId).Select(t => (long?)t.LatestMessageId).FirstOrDefault()),
            cancellationToken), cancellationToken);

    public Task<bool> MarkUnreadAsync(string userId, IReadOnlyList<long> threadIds, CancellationToken cancellationToken)
        => ChangeOwnRowsAsync(userId, threadIds, rows => rows.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsUnread, true), cancellationToken), cancellationToken);

    public Task<bool> MoveAsync(string userId, IReadOnlyList<long> threadIds, ParticipantState state, DateTime now, CancellationToken cancellationToken)
        => ChangeOwnRowsAsync(userId, threadIds, rows => rows.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.StateChangedAt, p => p.State == state ? p.StateChangedAt : now).SetProperty(p => p.State, state),
            cancellationToken), cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the user's rows of <paramref name="threadIds"/> (distinct) and counts it: all or nothing.</summary>
    private Task<bool> ChangeOwnRowsAsync(string userId, IReadOnlyList<long> threadIds, Func<IQueryable<ThreadParticipant>, Task<int>> change, CancellationToken cancellationToken)
    {
        var rows = Db.Participants.Where(p => p.UserId == userId && threadIds.Contains(p.ThreadId)).WhoMaySee();
        return InTransactionAsync(async () =>
        {
            if (await rows.CountAsync(cancellationToken) != threadIds.Count)
            {
                return false;
            }

            await change(rows);
            await CountUnreadChangesAsync(rows, cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<bool> LeaveAsync(string userId, long threadId, DateTime now, CancellationToken cancellationToken)
        => InTransactionAsync(async () =>
        {
            var row = Db.Participants.Where(p => p.ThreadId == threadId && p.UserId == userId);
            var changed = await row.WhoMaySee().ExecuteUpdateAsync(
                s => s.SetProperty(p => p.State, ThreadAccess.Gone).SetProperty(p => p.StateChangedAt, now).SetProperty(p => p.IsUnread, false),
                cancellationToken);
            if (changed == 0)
            {
                return false;
            }

            await CountUnreadChangesAsync(row, cancellationToken);

            // The others see "X left" in the thread; the inbox order does not change for a system line.
            var at = await StampAsync(threadId, now, cancellationToken);
            Db.Messages.Add(new Message { ThreadId = threadId, SenderId = userId, SentAt = at, Kind = MessageKind.Left });
            await Context.SaveChangesAsync(cancellationToken);
            await Db.PendingNotifications.Where(n => n.ThreadId == threadId && n.RecipientId == userId).ExecuteDeleteAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<List<ParticipantRow>> ReadParticipantsAsync(long threadId, CancellationToken cancellationToken)
        => Db.Participants.AsNoTracking()
            .Where(p => p.ThreadId == threadId)
            .Select(p => new ParticipantRow(p.UserId, p.State, p.Thread!.LatestMessageAt))
            .ToListAsync(cancellationToken);

    public Task<List<BlockRow>> ReadBlocksForAddingAsync(
        string userId, IReadOnlyCollection<string> others, IReadOnlyCollection<string> present, IReadOnlyCollection<string> added, CancellationToken cancellationToken)
        => Db.Blocks.AsNoTracking()
            .Where(b => (added.Contains(b.BlockedId) && present.Contains(b.BlockerId))
                || (b.BlockerId == userId && others.Contains(b.BlockedId))
                || (b.BlockedId == userId && others.Contains(b.BlockerId)))
            .Select(b => new BlockRow(b.BlockerId, b.BlockedId))
            .ToListAsync(cancellationToken);

    public Task AddParticipantsAsync(
        string userId, long threadId, IReadOnlyList<string> added, IReadOnlyList<string> returning, DateTime threadLatestMessageAt, DateTime now, CancellationToken cancellationToken)
        => InTransactionAsync(async () =>
        {
            var at = await StampAsync(threadId, now, cancellationToken);

            // Someone who had left comes back; everyone else gets a new row. Either way the thread is new to them.
            var (active, latest) = (ParticipantState.Active, threadLatestMessageAt);
            await Db.Participants.Where(p => p.ThreadId == threadId && returning.Contains(p.UserId)).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.State, active).SetProperty(p => p.StateChangedAt, now).SetProperty(p => p.IsUnread, true)
                    .SetProperty(p => p.JoinedAt, now).SetProperty(p => p.LatestMessageAt, latest),
                cancellationToken);
            Db.Participants.AddRange(added.Except(returning).Select(id => new ThreadParticipant
            {
                ThreadId = threadId, UserId = id, IsUnread = true, LatestMessageAt = latest, JoinedAt = now, StateChangedAt = now,
            }));
            Db.Messages.AddRange(added.Select(id => new Message { ThreadId = threadId, SenderId = userId, AboutUserId = id, SentAt = at, Kind = MessageKind.Joined }));
            await Context.SaveChangesAsync(cancellationToken);
            await CountUnreadChangesAsync(Db.Participants.Where(p => p.ThreadId == threadId && added.Contains(p.UserId)), cancellationToken);
            return true;
        }, cancellationToken);

    public Task<List<string>> ReadBlockersOfAsync(string userId, CancellationToken cancellationToken)
        => Db.Blocks.AsNoTracking().Where(b => b.BlockedId == userId).Select(b => b.BlockerId).ToListAsync(cancellationToken);

    public Task<MessagingPreferences?> ReadPreferencesAsync(string userId, CancellationToken cancellationToken)
        => Db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    public async Task SavePreferencesAsync(string userId, bool notifyByEmail, CancellationToken cancellationToken)
    {
        var changed = await Db.Preferences.Where(p => p.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NotifyByEmail, notifyByEmail), cancellationToken);
        if (changed == 0)
        {
            Db.Preferences.Add(new MessagingPreferences { UserId = userId, NotifyByEmail = notifyByEmail });
            await Context.SaveChangesAsync(cancellationToken);
            DetachMessagingEntities();
        }

        if (!notifyByEmail)
        {
            await Db.PendingNotifications.Where(n => n.RecipientId == userId).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
