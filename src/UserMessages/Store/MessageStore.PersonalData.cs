using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>Data-protection requests: a user's data read for export, or erased.</summary>
internal partial class MessageStore
{
    public Task<List<ExportedThreadRow>> ReadExportAsync(string userId, CancellationToken cancellationToken)
    {
        var text = MessageKind.Text;
        return Db.Participants.AsNoTracking()
            .Where(p => p.UserId == userId)
            .OrderBy(p => p.JoinedAt)
            .Select(p => new ExportedThreadRow(
                p.ThreadId,
                p.Thread!.Subject,
                p.State,
                p.JoinedAt,
                p.Thread.Messages.Where(m => m.SenderId == userId && m.Kind == text).OrderBy(m => m.SentAt)
                    .Select(m => new ExportedMessageRow(m.Id, m.SentAt, m.Content)).ToList()))
            .ToListAsync(cancellationToken);
    }

    public Task<List<string>> ReadBlockedByAsync(string userId, CancellationToken cancellationToken)
        => Db.Blocks.AsNoTracking().Where(b => b.BlockerId == userId).Select(b => b.BlockedId).ToListAsync(cancellationToken);

    public Task EraseUserAsync(string userId, CancellationToken cancellationToken)
        => InTransactionAsync(async () =>
        {
            var threadIds = await Db.Participants.Where(p => p.UserId == userId).Select(p => p.ThreadId).ToListAsync(cancellationToken);

            // Notifications for them, or about their messages, go; the others' notifications stay.
            var theirs = Db.Messages.Where(m => m.SenderId == userId).Select(m => m.Id);
            await Db.PendingNotifications.Where(n => n.RecipientId == userId || theirs.Contains(n.MessageId)).ExecuteDeleteAsync(cancellationToken);

            // Their messages and the lines about them go; the others keep the rest of each conversation.
            await Db.Messages.Where(m => m.SenderId == userId || m.AboutUserId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Participants.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Blocks.Where(b => b.BlockerId == userId || b.BlockedId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Preferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Counters.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Threads.Where(t => t.CreatedById == userId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedById, string.Empty), cancellationToken);

            // A thread left with no written message or nobody in it is gone too (with what was queued about it).
            var text = MessageKind.Text;
            var emptyIds = await Db.Threads.Where(t => threadIds.Contains(t.Id)
                && (!Db.Messages.Any(m => m.ThreadId == t.Id && m.Kind == text) || !Db.Participants.Any(p => p.ThreadId == t.Id)))
                .Select(t => t.Id).ToListAsync(cancellationToken);
            await Db.PendingNotifications.Where(n => emptyIds.Contains(n.ThreadId)).ExecuteDeleteAsync(cancellationToken);

            // Whoever had such a thread unread no longer counts it.
            var others = Db.Participants.Where(p => threadIds.Contains(p.ThreadId));
            await others.Where(p => emptyIds.Contains(p.ThreadId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsUnread, false), cancellationToken);
            await CountUnreadChangesAsync(others, cancellationToken);
            await Db.Threads.Where(t => emptyIds.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);

            // The others' threads point at their new latest message, and are no longer unread for
            // someone who had read everything that remains.
            var latest = Db.Messages.Where(m => m.Kind == text).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id);
            await Db.Threads.Where(t => threadIds.Contains(t.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(t => t.LatestMessageId, t => latest.Where(m => m.ThreadId == t.Id).Select(m => m.Id).First())
                    .SetProperty(t => t.LatestMessageAt, t => latest.Where(m => m.ThreadId == t.Id).Select(m => m.SentAt).First()),
                cancellationToken);
            await Db.Participants.Where(p => threadIds.Contains(p.ThreadId)).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.LatestMessageAt, p => Db.Threads.Where(t => t.Id == p.ThreadId).Select(t => t.LatestMessageAt).First())
                    .SetProperty(p => p.IsUnread, p => p.IsUnread && !Db.Messages.Any(m =>
                        m.ThreadId == p.ThreadId && m.Kind == text && m.SenderId != p.UserId && (p.LastReadMessageId == null || m.Id > p.LastReadMessageId)) ? false : p.IsUnread),
                cancellationToken);
            await CountUnreadChangesAsync(others, cancellationToken);
            return true;
        }, cancellationToken);
}
