using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Store;
using UserMessages.Storage;
using UserMessages.Users;
using UserMessages.Web;

namespace UserMessages.Notifications;

/// <summary>
/// Sends the digests that are due, at least once: one call of the notifier per recipient, with their
/// queued messages not read meanwhile. A recipient's rows are claimed before the call and deleted only
/// after it succeeded; a failed call is retried with back-off, other recipients' digests going on meanwhile.
/// </summary>
/// <remarks>
/// A claim moves the rows' due time to a moment of this claim alone (<see cref="ClaimLease"/> ahead, plus a
/// random part): another app instance claims only rows still due or waiting, so no digest is sent by two
/// instances at once, and the rows of an instance that stopped mid-call are due again once the lease is over.
/// </remarks>
internal sealed partial class NotificationDigestJob(
    UserMessagesDb db,
    IUserDirectory directory,
    IMessageNotifier notifier,
    UserMessagesLinks links,
    FormerMember formerMember,
    IOptions<UserMessagesOptions> options,
    ILogger<NotificationDigestJob> logger)
{
    private const int RecipientsPerRun = 100;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromHours(1);
    private static readonly TimeSpan ShortestRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    public async Task<int> SendDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.PendingNotifications.AsNoTracking().Where(n => n.DueAt <= now)
            .Select(n => n.RecipientId).Distinct().OrderBy(id => id).Take(RecipientsPerRun).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipientId in due)
        {
            if (await ClaimAsync(recipientId, now, cancellationToken) is not { } claim)
            {
                continue;
            }

            try
            {
                if (await ReadDigestAsync(recipientId, claim, cancellationToken) is { } digest)
                {
                    await notifier.NotifyAsync(digest, cancellationToken);
                    sent++;
                }

                await DeadlockRetry.RunAsync(() => Claimed(recipientId, claim).ExecuteDeleteAsync(cancellationToken), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RetryOrGiveUpAsync(recipientId, claim, now, e, cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>
    /// Claims the recipient's rows once one is due: those due and those still waiting (the digest takes
    /// all, so steady chatter past the deadline is not one mail per message). Null when another app
    /// instance claimed them first.
    /// </summary>
    private async Task<DateTime?> ClaimAsync(string recipientId, DateTime now, CancellationToken cancellationToken)
    {
        var waitingUntil = now + options.Value.Notifications.MaxDelay;
        var claim = WholeMicroseconds(waitingUntil + ClaimLease + TimeSpan.FromMicroseconds(RandomNumberGenerator.GetInt32(1_000_000)));
        var rows = db.PendingNotifications.Where(n => n.RecipientId == recipientId);
        // Two instances claiming one recipient at once can deadlock in InnoDB; the victim's update is undone and runs again.
        var taken = await DeadlockRetry.RunAsync(() => rows.Where(n => n.DueAt <= now).ExecuteUpdateAsync(
            s => s.SetProperty(n => n.DueAt, claim).SetProperty(n => EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet), false),
            cancellationToken), cancellationToken);
        if (taken > 0)
        {
            // Rows claimed by another instance are due later than any still waiting.
            await DeadlockRetry.RunAsync(() => rows.Where(n => n.DueAt > now && n.DueAt <= waitingUntil).ExecuteUpdateAsync(
                s => s.SetProperty(n => n.DueAt, claim).SetProperty(n => EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet), false),
                cancellationToken), cancellationToken);
        }

        return taken > 0 ? claim : null;
    }

    /// <summary>The claimed rows' messages that the recipient has not read meanwhile (and is still in the thread of).</summary>
    private async Task<MessageDigest?> ReadDigestAsync(string recipientId, DateTime claim, CancellationToken cancellationToken)
    {
        var entries = await (
            from n in Claimed(recipientId, claim)
            join m in db.Messages on n.MessageId equals m.Id
            join p in db.Participants.WhoMaySee() on new { n.ThreadId, UserId = n.RecipientId } equals new { p.ThreadId, p.UserId }
            where (p.LastReadMessageId == null || p.LastReadMessageId < m.Id) && m.Kind == MessageKind.Text
            orderby m.SentAt, m.Id
            select new { m.ThreadId, p.Thread!.Subject, MessageId = m.Id, m.SenderId, m.SentAt, m.Content }).AsNoTracking().ToListAsync(cancellationToken);
        if (entries.Count == 0)
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

    /// <summary>
    /// After a failed call: the rows are due again after a wait that doubles as failures go on (one minute
    /// up to an hour, counted from the oldest row's deadline), until <see cref="UserMessagesNotificationOptions.GiveUpAfter"/>
    /// past that deadline; then they are dropped with an error in the log.
    /// </summary>
    private async Task RetryOrGiveUpAsync(string recipientId, DateTime claim, DateTime now, Exception failure, CancellationToken cancellationToken)
    {
        var rows = Claimed(recipientId, claim);
        var oldestDeadline = await rows.MinAsync(n => (DateTime?)n.DeadlineAt, CancellationToken.None) ?? now;
        var failingFor = now - oldestDeadline;
        if (failingFor >= options.Value.Notifications.GiveUpAfter)
        {
            var dropped = await rows.ExecuteDeleteAsync(CancellationToken.None);
            LogGaveUp(logger, failure, recipientId, dropped);
            return;
        }

        var retryAt = WholeMicroseconds(now + TimeSpan.FromTicks(Math.Clamp(failingFor.Ticks, ShortestRetry.Ticks, LongestRetry.Ticks)));
        await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, retryAt), CancellationToken.None);
        LogRetrying(logger, failure, recipientId, retryAt);
    }

    private IQueryable<PendingNotification> Claimed(string recipientId, DateTime claim)
        => db.PendingNotifications.Where(n => n.RecipientId == recipientId && n.DueAt == claim);

    private static DateTime WholeMicroseconds(DateTime time) => new(time.Ticks - (time.Ticks % 10), DateTimeKind.Utc);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "The notifier failed for recipient {RecipientId}; their digest is tried again at {RetryAt:u}.")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string recipientId, DateTime retryAt);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "The notifier kept failing for recipient {RecipientId}; {Count} queued notifications of theirs were dropped.")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string recipientId, int count);
}
