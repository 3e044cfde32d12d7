using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Storage;
using UserMessages.Storage.Configurations;

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

        // What already waits for these recipients waits for this message too: one digest once the
        // conversation is quiet, but never later than the oldest row's deadline. Only a recipient's
        // newest row waits for the quiet period (AwaitsQuiet), older rows wait for their own deadline,
        // and the digest takes all of a recipient's rows once one is due; so a new message rewrites
        // one row per recipient (the previous newest), found by index whatever the queue's length.
        var settings = options.Value.Notifications;
        var due = now + settings.QuietPeriod;
        var waiting = true;
        await db.PendingNotifications
            .Where(n => recipients.Contains(n.RecipientId) && EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet) == waiting)
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.DueAt, n => n.DeadlineAt)
                    .SetProperty(n => EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet), false),
                cancellationToken);
        var deadline = now + settings.MaxDelay;
        foreach (var recipient in recipients)
        {
            var row = new PendingNotification
            {
                RecipientId = recipient,
                ThreadId = threadId,
                MessageId = messageId,
                DueAt = due < deadline ? due : deadline,
                DeadlineAt = deadline,
            };
            db.PendingNotifications.Add(row).Property<bool>(PendingNotificationConfiguration.AwaitsQuiet).CurrentValue = row.DueAt < row.DeadlineAt;
        }

        await db.Context.SaveChangesAsync(cancellationToken);
    }
}
