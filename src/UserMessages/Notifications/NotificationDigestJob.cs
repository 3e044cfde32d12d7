using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;
using UserMessages.Users;
using UserMessages.Web;

namespace UserMessages.Notifications;

/// <summary>
/// Sends the digests that are due: one call of the notifier per recipient, with their queued
/// messages that they have not read meanwhile. Rows are deleted before the notifier is called, so
/// two app instances never both send the same digest.
/// </summary>
internal sealed class NotificationDigestJob(UserMessagesDb db, IUserDirectory directory, IMessageNotifier notifier, UserMessagesLinks links)
{
    private const int RecipientsPerRun = 100;

    public async Task<int> SendDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.PendingNotifications.AsNoTracking().Where(n => n.DueAt <= now)
            .Select(n => n.RecipientId).Distinct().Take(RecipientsPerRun).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipientId in due)
        {
            if (await TakeDigestAsync(recipientId, now, cancellationToken) is { } digest)
            {
                await notifier.NotifyAsync(digest, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private async Task<MessageDigest?> TakeDigestAsync(string recipientId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = db.PendingNotifications.Where(n => n.RecipientId == recipientId && n.DueAt <= now);
        var left = ParticipantState.Left;
        var entries = await (
            from n in rows
            join m in db.Messages on n.MessageId equals m.Id
            join p in db.Participants on new { n.ThreadId, UserId = n.RecipientId } equals new { p.ThreadId, p.UserId }
            where p.State != left && (p.LastReadMessageId == null || p.LastReadMessageId < m.Id)
            orderby m.SentAt, m.Id
            select new { n.Id, m.ThreadId, p.Thread!.Subject, MessageId = m.Id, m.SenderId, m.SentAt, m.Content }).AsNoTracking().ToListAsync(cancellationToken);
        var taken = await rows.ExecuteDeleteAsync(cancellationToken);
        if (taken == 0 || entries.Count == 0)
        {
            return null;
        }

        var users = await directory.FindByIdsAsync(entries.Select(e => e.SenderId).Append(recipientId).Distinct().ToList(), cancellationToken);
        if (!users.TryGetValue(recipientId, out var recipient))
        {
            return null;
        }

        return new MessageDigest(recipient, entries.Select(e => new DigestMessage(
            e.ThreadId, e.Subject, e.MessageId, FormerMember.Or(users, e.SenderId), e.SentAt, e.Content, links.ThreadPath(e.ThreadId))).ToList());
    }
}
