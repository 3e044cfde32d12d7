using Microsoft.Extensions.Options;
using UserMessages.Store;

namespace UserMessages.Notifications;

/// <summary>When a new message's notification is due for its recipients; the store queues it in the sending transaction, the digest job sends it later.</summary>
internal sealed class NotificationSchedule(NotificationSwitch notifications, IOptions<UserMessagesOptions> options)
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
}
