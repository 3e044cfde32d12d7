using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Store;

/// <summary>New threads and replies: their checks' reads, and each write as one transaction.</summary>
internal partial class MessageStore
{
    public virtual async Task<NewThreadChecks> ReadNewThreadChecksAsync(
        string senderId, IReadOnlyList<string> recipients, SendingQuota quota, bool readAcquainted, CancellationToken cancellationToken)
        => new(
            await ReadBlockersAsync(senderId, recipients, cancellationToken),
            await ReadHistoryAsync(senderId, quota, cancellationToken),
            readAcquainted ? await ReadAcquaintedAsync(senderId, recipients, cancellationToken) : []);

    /// <summary>Those of <paramref name="recipients"/> who have exchanged messages with <paramref name="senderId"/> (<see cref="Acquaintance"/>).</summary>
    private async Task<HashSet<string>> ReadAcquaintedAsync(string senderId, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var acquainted = await Db.Participants.AsNoTracking()
            .Where(r => recipients.Contains(r.UserId))
            .Where(Acquaintance.Knows)
            .Where(r => Db.Participants.Any(s => s.ThreadId == r.ThreadId && s.UserId == senderId))
            .Select(r => r.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return acquainted.ToHashSet(StringComparer.Ordinal);
    }

    public virtual async Task<ReplyChecks> ReadReplyChecksAsync(string userId, long threadId, SendingQuota quota, CancellationToken cancellationToken)
    {
        var participants = await Db.Participants.AsNoTracking()
            .Where(p => p.ThreadId == threadId).WhoMaySee()
            .Select(p => new { p.UserId, p.State, p.Thread!.Subject })
            .ToListAsync(cancellationToken);
        var ids = participants.Select(p => p.UserId).ToList();
        var blockers = ids.Contains(userId, StringComparer.Ordinal)
            ? await ReadBlockersAsync(userId, ids.Where(id => id != userId).ToList(), cancellationToken)
            : [];
        var requested = participants.Where(p => p.State == ParticipantState.Request).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        return new ReplyChecks(ids, participants.FirstOrDefault()?.Subject, blockers, await ReadHistoryAsync(userId, quota, cancellationToken), requested);
    }

    /// <summary>Those of <paramref name="people"/> who blocked <paramref name="senderId"/>.</summary>
    private async Task<HashSet<string>> ReadBlockersAsync(string senderId, IReadOnlyList<string> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var blockers = await Db.Blocks.AsNoTracking()
            .Where(b => b.BlockedId == senderId && people.Contains(b.BlockerId))
            .Select(b => b.BlockerId)
            .ToListAsync(cancellationToken);
        return blockers.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The sender's N-th newest message and started thread of the last day for each limit N that is on (an index seek each).</summary>
    private async Task<SendingHistory> ReadHistoryAsync(string userId, SendingQuota quota, CancellationToken cancellationToken)
    {
        var (dayAgo, text) = (quota.DayAgo, MessageKind.Text);
        var sent = Db.Messages.AsNoTracking()
            .Where(m => m.SenderId == userId && m.SentAt > dayAgo && m.Kind == text)
            .OrderByDescending(m => m.SentAt)
            .Select(m => m.SentAt);
        var started = Db.Threads.AsNoTracking()
            .Where(t => t.CreatedById == userId && t.CreatedAt > dayAgo)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => t.CreatedAt);
        var minute = await NthAsync(sent, quota.PerMinute, cancellationToken);
        var day = quota.PerDay == quota.PerMinute ? minute : await NthAsync(sent, quota.PerDay, cancellationToken);
        var now = quota.Now;
        var suspension = await Db.Suspensions.AsNoTracking()
            .Where(s => s.UserId == userId && (s.EndsAt == null || s.EndsAt > now))
            .Select(s => new Suspension(s.EndsAt))
            .FirstOrDefaultAsync(cancellationToken);
        return new SendingHistory(minute, day, await NthAsync(started, quota.NewThreadsPerDay, cancellationToken)) { Suspension = suspension };
    }

    /// <summary>The <paramref name="n"/>-th of <paramref name="times"/> (newest first); null when there are fewer or the limit is off (0), and then nothing is read.</summary>
    private static Task<DateTime?> NthAsync(IQueryable<DateTime> times, int n, CancellationToken cancellationToken)
        => n == 0 ? Task.FromResult<DateTime?>(null) : times.Skip(n - 1).Select(t => (DateTime?)t).FirstOrDefaultAsync(cancellationToken);

    public async Task<(long ThreadId, long MessageId)> WriteThreadAsync(
        string senderId, IReadOnlyList<string> recipients, IReadOnlySet<string> requested, string subject, string? about, MessageText text, DateTime now, NotificationTimes? notify, CancellationToken cancellationToken)
    {
        var written = await InTransactionAsync(
            async () =>
            {
                var written = await WriteThreadCoreAsync(senderId, recipients, requested, subject, text, now, notify, cancellationToken);
                if (about is not null)
                {
                    await Db.Threads.Where(t => t.Id == written.ThreadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.About, about), cancellationToken);
                }

                await LinkAttachmentsAsync(senderId, written.MessageId, text.AttachmentIds, cancellationToken);
                return written;
            },
            cancellationToken);
        await Versions.TouchUsersAsync(recipients.Append(senderId), cancellationToken);
        return written;
    }

    /// <summary>The write of <see cref="WriteThreadAsync"/>, inside its transaction; <paramref name="recipients"/> are in ordinal order.</summary>
    protected virtual async Task<(long ThreadId, long MessageId)> WriteThreadCoreAsync(
        string senderId, IReadOnlyList<string> recipients, IReadOnlySet<string> requested, string subject, MessageText text, DateTime now, NotificationTimes? notify, CancellationToken cancellationToken)
    {
        var thread = new MessageThread { Subject = subject, CreatedAt = now, CreatedById = senderId, LatestMessageAt = now };
        var message = new Message { Thread = thread, SenderId = senderId, SentAt = now, Content = text.Content, ContentHtml = text.Html };
        var sender = NewParticipant(thread, senderId, now, unread: false);
        sender.HasSent = true;
        Db.Threads.Add(thread);
        Db.Messages.Add(message);
        Db.Participants.Add(sender);
        foreach (var recipient in recipients.Select(id => NewParticipant(thread, id, now, unread: true)))
        {
            // A request waits in the Requests folder: neither in the inbox nor counted.
            recipient.State = requested.Contains(recipient.UserId) ? ParticipantState.Request : ParticipantState.Active;
            Db.Participants.Add(recipient).Property<bool>(ThreadParticipantConfiguration.CountedUnread).CurrentValue = recipient.State == ParticipantState.Active;
        }

        await Context.SaveChangesAsync(cancellationToken);

        // The message id exists only now; the sender has read their own message.
        thread.LatestMessageId = message.Id;
        sender.LastReadMessageId = message.Id;
        await Context.SaveChangesAsync(cancellationToken);
        await AddToCountersAsync(recipients.Where(id => !requested.Contains(id)).Select(id => (id, 1)).ToList(), cancellationToken);
        if (notify is { } times)
        {
            await EnqueueAsync(Db.Participants.Where(p => p.ThreadId == thread.Id && p.UserId != senderId), thread.Id, message.Id, times, cancellationToken);
        }

        return (thread.Id, message.Id);
    }

    public async Task<(long Id, DateTime SentAt)> WriteReplyAsync(
        string userId, long threadId, MessageText text, DateTime now, NotificationTimes? notify, IReadOnlyList<string> refusing, CancellationToken cancellationToken)
    {
        var written = await InTransactionAsync(
            async () =>
            {
                var written = await WriteReplyCoreAsync(userId, threadId, text, now, notify, refusing, cancellationToken);
                await LinkAttachmentsAsync(userId, written.Id, text.AttachmentIds, cancellationToken);
                return written;
            },
            cancellationToken);
        await Versions.TouchThreadsAsync([threadId], cancellationToken);
        return written;
    }

    /// <summary>The write of <see cref="WriteReplyAsync"/>, inside its transaction.</summary>
    protected virtual async Task<(long Id, DateTime SentAt)> WriteReplyCoreAsync(
        string userId, long threadId, MessageText text, DateTime now, NotificationTimes? notify, IReadOnlyList<string> refusing, CancellationToken cancellationToken)
    {
        var at = await StampAsync(threadId, now, cancellationToken);
        var message = new Message { ThreadId = threadId, SenderId = userId, SentAt = at, Content = text.Content, ContentHtml = text.Html };
        Db.Messages.Add(message);
        await Context.SaveChangesAsync(cancellationToken);
        var id = message.Id;

        // The thread's latest message moves forward, never back (concurrent replies may commit out of order).
        await Db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.LatestMessageId, t => t.LatestMessageAt <= at ? id : t.LatestMessageId)
                .SetProperty(t => t.LatestMessageAt, t => t.LatestMessageAt <= at ? at : t.LatestMessageAt),
            cancellationToken);

        // Everyone else gets it unread and back in the inbox (from archive or trash; a request stays one); the replier
        // has read it, and a request they answer is accepted.
        var (active, request) = (ParticipantState.Active, ParticipantState.Request);
        var inThread = Db.Participants.Where(p => p.ThreadId == threadId).WhoMaySee();
        await inThread.ExecuteUpdateAsync(
            s => s.SetProperty(p => p.IsUnread, p => p.UserId != userId)
                .SetProperty(p => p.StateChangedAt, p => p.State == active || (p.State == request && p.UserId != userId) ? p.StateChangedAt : at)
                .SetProperty(p => p.State, p => p.State == request && p.UserId != userId ? request : active)
                .SetProperty(p => p.HasSent, p => p.HasSent || p.UserId == userId)
                .SetProperty(p => p.LastReadMessageId, p => p.UserId == userId ? id : p.LastReadMessageId)
                .SetProperty(p => p.LatestMessageAt, p => p.LatestMessageAt <= at ? at : p.LatestMessageAt),
            cancellationToken);
        await CountUnreadChangesAsync(Db.Participants.Where(p => p.ThreadId == threadId), cancellationToken);
        if (notify is { } times)
        {
            await EnqueueAsync(inThread.Where(p => p.UserId != userId && !refusing.Contains(p.UserId)), threadId, id, times, cancellationToken);
        }

        return (id, at);
    }

    private static ThreadParticipant NewParticipant(MessageThread thread, string userId, DateTime now, bool unread) => new()
    {
        Thread = thread,
        UserId = userId,
        IsUnread = unread,
        LatestMessageAt = thread.LatestMessageAt,
        JoinedAt = now,
        StateChangedAt = now,
    };

    /// <summary>
    /// Queues a message for the users of <paramref name="recipients"/> who want notifications, in the digest
    /// already waiting for them (one mail once the conversation is quiet, never past the oldest row's deadline).
    /// </summary>
    private async Task EnqueueAsync(IQueryable<ThreadParticipant> recipients, long threadId, long messageId, NotificationTimes times, CancellationToken cancellationToken)
    {
        var (off, request) = (false, ParticipantState.Request);
        var wanting = await recipients
            .Where(p => p.State != request && !p.IsMuted && !Db.Preferences.Any(s => s.UserId == p.UserId && s.NotifyByEmail == off))
            .Select(p => p.UserId)
            .ToListAsync(cancellationToken);
        if (wanting.Count == 0)
        {
            return;
        }

        var waiting = true;
        await Db.PendingNotifications
            .Where(n => wanting.Contains(n.RecipientId) && EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet) == waiting)
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.DueAt, n => n.DeadlineAt)
                    .SetProperty(n => EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet), false),
                cancellationToken);
        foreach (var recipient in wanting.Order(StringComparer.Ordinal))
        {
            var row = new PendingNotification { RecipientId = recipient, ThreadId = threadId, MessageId = messageId, DueAt = times.DueAt, DeadlineAt = times.DeadlineAt };
            Db.PendingNotifications.Add(row).Property<bool>(PendingNotificationConfiguration.AwaitsQuiet).CurrentValue = times.AwaitsQuiet;
        }

        await Context.SaveChangesAsync(cancellationToken);
    }
}
