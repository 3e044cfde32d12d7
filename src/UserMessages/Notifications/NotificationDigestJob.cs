using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;
using UserMessages.Users;
using UserMessages.Web;

namespace UserMessages.Notifications;

/// <summary>
/// Sends the digests that are due: one call of the notifier per recipient, with their queued
/// messages that they have not read meanwhile. Rows are deleted before the notifier is called, so
/// two app instances never both send the same digest (a notifier that fails loses that digest, logged).
/// </summary>
internal sealed class NotificationDigestJob(UserMessagesDb db, IUserDirectory directory, IMessageNotifier notifier, UserMessagesLinks links, FormerMember formerMember)
{
    private const int RecipientsPerRun = 100;

    public async Task<int> SendDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.PendingNotifications.AsNoTracking().Where(n => n.DueAt <= now)
            .Select(n => n.RecipientId).Distinct().OrderBy(id => id).Take(RecipientsPerRun).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipientId in due)
        {
            if (await TakeDigestAsync(recipientId, cancellationToken) is { } digest)
            {
                await notifier.NotifyAsync(digest, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// Everything queued for the recipient (once one row is due, the digest takes all, so steady
    /// chatter past the deadline is not one mail per message), minus what they read meanwhile.
    /// </summary>
    private async Task<MessageDigest?> TakeDigestAsync(string recipientId, CancellationToken cancellationToken)
    {
        var left = ParticipantState.Left;
        var queued = await (
            from n in db.PendingNotifications.Where(n => n.RecipientId == recipientId)
            join m in db.Messages on n.MessageId equals m.Id
            join p in db.Participants on new { n.ThreadId, UserId = n.RecipientId } equals new { p.ThreadId, p.UserId }
            orderby m.SentAt, m.Id
            select new
            {
                n.Id,
                Wanted = p.State != left && (p.LastReadMessageId == null || p.LastReadMessageId < m.Id),
                m.ThreadId,
                p.Thread!.Subject,
                MessageId = m.Id,
                m.SenderId,
                m.SentAt,
                m.Content,
            }).AsNoTracking().ToListAsync(cancellationToken);

        // Delete exactly the rows read (a message queued meanwhile waits for the next digest); if another
        // app instance took them first, it sends them.
        var ids = queued.Select(q => q.Id).ToList();
        var taken = await db.PendingNotifications.Where(n => n.RecipientId == recipientId && ids.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken);
        var entries = queued.Where(q => q.Wanted).ToList();
        if (taken < ids.Count || entries.Count == 0)
        {
            return null;
        }

        var users = await directory.FindByIdsAsync(entries.Select(e => e.SenderId).Append(recipientId).Distinct().ToList(), cancellationToken);
        if (!users.TryGetValue(recipientId, out var recipient))
        {
            return null;
        }

        return new MessageDigest(recipient, entries.Select(e => new DigestMessage(
            e.ThreadId, e.Subject, e.MessageId, formerMember.Or(users, e.SenderId), e.SentAt, e.Content, links.ThreadPath(e.ThreadId))).ToList());
    }
}
