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

    public Task<List<ExportedReportRow>> ReadReportsByAsync(string userId, CancellationToken cancellationToken)
        => Db.Reports.AsNoTracking()
            .Where(r => r.ReporterId == userId)
            .OrderBy(r => r.Id)
            .Select(r => new ExportedReportRow(r.Id, r.ThreadId, r.MessageId, r.Reason, r.Note, r.ReportedAt, r.Status))
            .ToListAsync(cancellationToken);

    public Task<MessagingSuspension?> ReadSuspensionAsync(string userId, CancellationToken cancellationToken)
        => Db.Suspensions.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);

    public Task<List<string>> ReadBlockedByAsync(string userId, CancellationToken cancellationToken)
        => Db.Blocks.AsNoTracking().Where(b => b.BlockerId == userId).Select(b => b.BlockedId).ToListAsync(cancellationToken);

    public async Task<List<string>> EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        var others = await Versions.PeopleInAsync(Db.Participants.Where(p => p.UserId == userId).Select(p => p.ThreadId), cancellationToken);
        var files = await InTransactionAsync(async () =>
        {
            // Every file they uploaded goes (sent or not); the files themselves once this is saved.
            var files = await Db.Attachments.Where(a => a.UploaderId == userId).Select(a => a.StorageKey).ToListAsync(cancellationToken);
            await Db.Attachments.Where(a => a.UploaderId == userId).ExecuteDeleteAsync(cancellationToken);

            var threadIds = await Db.Participants.Where(p => p.UserId == userId).Select(p => p.ThreadId).ToListAsync(cancellationToken);

            // Notifications for them, or about their messages, go; the others' notifications stay.
            var theirs = Db.Messages.Where(m => m.SenderId == userId).Select(m => m.Id);
            await Db.PendingNotifications.Where(n => n.RecipientId == userId || theirs.Contains(n.MessageId)).ExecuteDeleteAsync(cancellationToken);

            // Reports of their messages (which quote them) and what they sent that was held go; their own reports stay with a former
            // member as reporter; a suspension of theirs goes; the moderation log keeps what was done, without their id.
            await Db.Reports.Where(r => r.SenderId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Reports.Where(r => r.ReporterId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterId, (string?)null), cancellationToken);
            await Db.Reports.Where(r => r.ResolvedById == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedById, (string?)null), cancellationToken);
            await Db.HeldMessages.Where(h => h.SenderId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Suspensions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await Db.Suspensions.Where(s => s.ModeratorId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ModeratorId, string.Empty), cancellationToken);
            await Db.ModerationLog.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (string?)null), cancellationToken);
            await Db.ModerationLog.Where(e => e.ModeratorId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ModeratorId, string.Empty), cancellationToken);

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
            return files;
        }, cancellationToken);
        await Versions.TouchUsersAsync(others, cancellationToken);
        return files;
    }
}
