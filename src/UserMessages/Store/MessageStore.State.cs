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

    public Task<bool> SetMutedAsync(string userId, IReadOnlyList<long> threadIds, bool muted, CancellationToken cancellationToken)
        => ChangeOwnRowsAsync(userId, threadIds, async rows =>
        {
            // A muted thread's e-mail not yet sent is not sent.
            if (muted)
            {
                await Db.PendingNotifications.Where(n => n.RecipientId == userId && threadIds.Contains(n.ThreadId)).ExecuteDeleteAsync(cancellationToken);
            }

            return await rows.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsMuted, muted), cancellationToken);
        }, cancellationToken);

    public Task<bool> MoveAsync(string userId, IReadOnlyList<long> threadIds, ParticipantState state, DateTime now, CancellationToken cancellationToken)
    {
        // A request leaves the Requests folder only by being accepted or declined.
        var request = ParticipantState.Request;
        return ChangeOwnRowsAsync(userId, threadIds, rows => rows.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.StateChangedAt, p => p.State == state ? p.StateChangedAt : now).SetProperty(p => p.State, state),
            cancellationToken), cancellationToken, rows => rows.Where(p => p.State != request));
    }

    public Task<bool> AcceptRequestsAsync(string userId, IReadOnlyList<long> threadIds, DateTime now, CancellationToken cancellationToken)
    {
        var (request, active) = (ParticipantState.Request, ParticipantState.Active);
        return ChangeOwnRowsAsync(userId, threadIds, rows => rows.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.StateChangedAt, now).SetProperty(p => p.State, active),
            cancellationToken), cancellationToken, rows => rows.Where(p => p.State == request));
    }

    public Task<bool> DeclineRequestsAsync(string userId, IReadOnlyList<long> threadIds, bool blockSenders, DateTime now, CancellationToken cancellationToken)
    {
        var request = ParticipantState.Request;
        return ChangeOwnRowsAsync(userId, threadIds, async rows =>
        {
            // Nobody is told: the thread is gone for the user as if they had left it, but without the "left" line.
            var starters = blockSenders ? await rows.Select(p => p.Thread!.CreatedById).Distinct().ToListAsync(cancellationToken) : [];
            var changed = await rows.ExecuteUpdateAsync(
                s => s.SetProperty(p => p.StateChangedAt, now).SetProperty(p => p.State, ThreadAccess.Declined).SetProperty(p => p.IsUnread, false),
                cancellationToken);
            var blocked = await Db.Blocks.Where(b => b.BlockerId == userId && starters.Contains(b.BlockedId)).Select(b => b.BlockedId).ToListAsync(cancellationToken);
            foreach (var starter in starters.Except(blocked).Where(s => s != userId).Order(StringComparer.Ordinal))
            {
                Db.Blocks.Add(new UserBlock { BlockerId = userId, BlockedId = starter, CreatedAt = now });
            }

            await Context.SaveChangesAsync(cancellationToken);
            return changed;
        }, cancellationToken, rows => rows.Where(p => p.State == request));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the user's rows of <paramref name="threadIds"/> (distinct; only those
    /// <paramref name="eligible"/> keeps) and counts it: all or nothing.
    /// </summary>
    private async Task<bool> ChangeOwnRowsAsync(
        string userId, IReadOnlyList<long> threadIds, Func<IQueryable<ThreadParticipant>, Task<int>> change, CancellationToken cancellationToken,
        Func<IQueryable<ThreadParticipant>, IQueryable<ThreadParticipant>>? eligible = null)
    {
        var all = Db.Participants.Where(p => p.UserId == userId && threadIds.Contains(p.ThreadId)).WhoMaySee();
        var rows = eligible is null ? all : eligible(all);
        var changed = await InTransactionAsync(async () =>
        {
            if (await rows.CountAsync(cancellationToken) != threadIds.Count)
            {
                return false;
            }

            await change(rows);
            await CountUnreadChangesAsync(all, cancellationToken);
            return true;
        }, cancellationToken);

        // Marking read changes the others' pages too (their "Seen by").
        if (changed)
        {
            await Versions.TouchThreadsAsync(threadIds, cancellationToken);
        }

        return changed;
    }

    public async Task<bool> LeaveAsync(string userId, long threadId, DateTime now, CancellationToken cancellationToken)
        => await Versions.TouchedAsync(threadId, changed => changed, await InTransactionAsync(async () =>
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
        }, cancellationToken), cancellationToken);

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

    public async Task AddParticipantsAsync(
        string userId, long threadId, IReadOnlyList<string> added, IReadOnlyList<string> returning, DateTime threadLatestMessageAt, DateTime now, CancellationToken cancellationToken)
        => await Versions.TouchedAsync(threadId, changed => changed, await InTransactionAsync(async () =>
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
        }, cancellationToken), cancellationToken);

    public Task<List<string>> ReadBlockersOfAsync(string userId, CancellationToken cancellationToken)
        => Db.Blocks.AsNoTracking().Where(b => b.BlockedId == userId).Select(b => b.BlockerId).ToListAsync(cancellationToken);

    public async Task<List<ParticipantMark>?> ReadMarksAsync(string userId, long threadId, CancellationToken cancellationToken)
    {
        var reader = Db.Participants.Reader(userId, threadId);
        var marks = await Db.Participants.AsNoTracking().Where(o => o.ThreadId == threadId).WhoMaySee()
            .Where(o => reader.Any())
            .Select(o => new ParticipantMark(o.UserId, o.LastReadMessageId, !Db.Preferences.Any(f => f.UserId == o.UserId && !f.ShareReadReceipts)))
            .ToListAsync(cancellationToken);
        return marks.Count == 0 ? null : marks;
    }

    public async Task<LiveState> ReadLiveStateAsync(string userId, long threadId, CancellationToken cancellationToken)
    {
        // The inbox's first row: one step down its index (UserId, State, LatestMessageAt).
        var inboxLatestAt = await Db.Participants.AsNoTracking().Where(p => p.UserId == userId && p.State == ParticipantState.Active)
            .OrderByDescending(p => p.LatestMessageAt).Select(p => (DateTime?)p.LatestMessageAt).FirstOrDefaultAsync(cancellationToken);
        if (threadId <= 0)
        {
            return new LiveState(inboxLatestAt, null);
        }

        var reader = Db.Participants.Reader(userId, threadId);
        var latestMessageId = await Db.Threads.AsNoTracking().Where(t => t.Id == threadId && reader.Any())
            .Select(t => (long?)t.LatestMessageId).FirstOrDefaultAsync(cancellationToken);
        return new LiveState(inboxLatestAt, latestMessageId);
    }

    public Task<MessagingPreferences?> ReadPreferencesAsync(string userId, CancellationToken cancellationToken)
        => Db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    public async Task SavePreferencesAsync(MessagingPreferences preferences, CancellationToken cancellationToken)
    {
        var (userId, notifyByEmail, shareReadReceipts) = (preferences.UserId, preferences.NotifyByEmail, preferences.ShareReadReceipts);

        // Whether the others' pages change too: their "Seen by" shows this user only while they share read receipts (the default).
        var sharedBefore = Versions.IsOn && (await Db.Preferences.Where(p => p.UserId == userId).Select(p => (bool?)p.ShareReadReceipts).FirstOrDefaultAsync(cancellationToken) ?? true);
        var changed = await Db.Preferences.Where(p => p.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.NotifyByEmail, notifyByEmail).SetProperty(p => p.ShareReadReceipts, shareReadReceipts), cancellationToken);
        if (changed == 0)
        {
            Db.Preferences.Add(new MessagingPreferences { UserId = userId, NotifyByEmail = notifyByEmail, ShareReadReceipts = shareReadReceipts });
            await Context.SaveChangesAsync(cancellationToken);
            DetachMessagingEntities();
        }

        if (!notifyByEmail)
        {
            await Db.PendingNotifications.Where(n => n.RecipientId == userId).ExecuteDeleteAsync(cancellationToken);
        }

        if (Versions.IsOn && sharedBefore != shareReadReceipts)
        {
            await Versions.TouchSharingThreadsWithAsync(userId, cancellationToken);
        }
        else
        {
            await Versions.TouchUsersAsync([userId], cancellationToken);
        }
    }
}
