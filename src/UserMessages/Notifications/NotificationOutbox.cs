using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Storage;
using UserMessages.Storage.Configurations;

namespace UserMessages.Notifications;

/// <summary>Queues a new message for its recipients, in the sending transaction; the digest job sends later.</summary>
internal sealed class NotificationOutbox(UserMessagesDb db, NotificationSwitch notifications, IOptions<UserMessagesOptions> options)
{
    /// <summary>
    /// When a message sent at <paramref name="now"/> is due for its recipients' digest: after the quiet
    /// period, but never later than the deadline; whether its row waits for the quiet period. Null
    /// while notifications are off (no notifier registered): then nothing is queued.
    /// </summary>
    public NotificationTimes? TimesFor(DateTime now)
    {
        if (!notifications.IsOn)
        {
            return null;
        }

        var settings = options.Value.Notifications;
        var (due, deadline) = (now + settings.QuietPeriod, now + settings.MaxDelay);
        return due < deadline ? new NotificationTimes(due, deadline, AwaitsQuiet: true) : new NotificationTimes(deadline, deadline, AwaitsQuiet: false);
    }

    public async Task EnqueueAsync(IReadOnlyCollection<string> recipientIds, long threadId, long messageId, DateTime now, CancellationToken cancellationToken)
    {
        if (TimesFor(now) is not { } times || recipientIds.Count == 0)
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
        var waiting = true;
        await db.PendingNotifications
            .Where(n => recipients.Contains(n.RecipientId) && EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet) == waiting)
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.DueAt, n => n.DeadlineAt)
                    .SetProperty(n => EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet), false),
                cancellationToken);
        foreach (var recipient in recipients)
        {
            var row = new PendingNotification { RecipientId = recipient, ThreadId = threadId, MessageId = messageId, DueAt = times.DueAt, DeadlineAt = times.DeadlineAt };
            db.PendingNotifications.Add(row).Property<bool>(PendingNotificationConfiguration.AwaitsQuiet).CurrentValue = times.AwaitsQuiet;
        }

        await db.Context.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A queued notification's due time and deadline, and whether it waits for the quiet period (see <see cref="NotificationOutbox.TimesFor"/>).</summary>
internal readonly record struct NotificationTimes(DateTime DueAt, DateTime DeadlineAt, bool AwaitsQuiet);
