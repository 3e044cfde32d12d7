using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Notifications;

/// <summary>Queues a new message for its recipients, in the sending transaction; the digest job sends later.</summary>
internal sealed class NotificationOutbox(UserMessagesDb db, NotificationSwitch notifications, IOptions<UserMessagesOptions> options)
{
    public async Task EnqueueAsync(IReadOnlyCollection<string> recipientIds, long threadId, long messageId, DateTime now, CancellationToken cancellationToken)
    {
        if (!notifications.IsOn || recipientIds.Count == 0)
        {
            return;
        }

        var off = false;
        var silenced = await db.Preferences.AsNoTracking()
            .Where(p => recipientIds.Contains(p.UserId) && p.NotifyByEmail == off)
            .Select(p => p.UserId)
            .ToListAsync(cancellationToken);
        var recipients = recipientIds.Except(silenced, StringComparer.Ordinal).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        // What already waits for these recipients waits for this message too (one digest after the
        // quiet period), but never past its own deadline.
        var settings = options.Value.Notifications;
        var due = now + settings.QuietPeriod;
        await db.PendingNotifications.Where(n => recipients.Contains(n.RecipientId)).ExecuteUpdateAsync(
            s => s.SetProperty(n => n.DueAt, n => n.DeadlineAt < due ? n.DeadlineAt : due),
            cancellationToken);
        var deadline = now + settings.MaxDelay;
        db.PendingNotifications.AddRange(recipients.Select(id => new PendingNotification
        {
            RecipientId = id,
            ThreadId = threadId,
            MessageId = messageId,
            DueAt = due < deadline ? due : deadline,
            DeadlineAt = deadline,
        }));
        await db.Context.SaveChangesAsync(cancellationToken);
    }
}
