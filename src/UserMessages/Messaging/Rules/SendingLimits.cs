using Microsoft.Extensions.Options;
using UserMessages.Store;

namespace UserMessages.Services;

/// <summary>
/// Messages per minute and per day, new threads per day, judged from the sender's history in the
/// database itself so the limits hold across restarts and app instances: for a limit N, the sender's
/// N-th newest message (or started thread) of the last day; a limit of 0 is off.
/// </summary>
internal sealed class SendingLimits(IOptions<UserMessagesOptions> options, UserMessagesErrorDescriber describer)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The history to read for a message sent at <paramref name="now"/>.</summary>
    public SendingQuota QuotaAt(DateTime now)
    {
        var limits = options.Value.Limits;
        return new SendingQuota(now, now - Day, limits.MessagesPerMinute, limits.MessagesPerDay, limits.NewThreadsPerDay);
    }

    /// <summary>A refusal when a reply at <paramref name="now"/> would pass a limit, else <see langword="null"/>.</summary>
    public MessagingResult? ForReply(SendingHistory history, DateTime now)
        => PerMinute(history.NthNewestForMinute, now) ?? PerDay(history.NthNewestForDay, now);

    /// <summary>A refusal when a new thread at <paramref name="now"/> would pass a limit, else <see langword="null"/>.</summary>
    public MessagingResult? ForNewThread(SendingHistory history, DateTime now)
        => ForReply(history, now) ?? NewThreadsPerDay(history.NthNewestThread, now);

    private MessagingResult? PerMinute(DateTime? nthNewest, DateTime now)
        => Exceeded(nthNewest, Minute, now) is { } wait
            ? MessagingResult.RateLimited(describer.TooManyMessagesPerMinute(options.Value.Limits.MessagesPerMinute), wait)
            : null;

    private MessagingResult? PerDay(DateTime? nthNewest, DateTime now)
        => Exceeded(nthNewest, Day, now) is { } wait
            ? MessagingResult.RateLimited(describer.TooManyMessagesPerDay(options.Value.Limits.MessagesPerDay), wait)
            : null;

    private MessagingResult? NewThreadsPerDay(DateTime? nthNewest, DateTime now)
        => Exceeded(nthNewest, Day, now) is { } wait
            ? MessagingResult.RateLimited(describer.TooManyNewThreadsPerDay(options.Value.Limits.NewThreadsPerDay), wait)
            : null;

    /// <summary>With the N-th newest time of a limit N: when it falls in the window, the limit is reached until it leaves the window.</summary>
    private static TimeSpan? Exceeded(DateTime? nthNewest, TimeSpan window, DateTime now)
    {
        if (nthNewest is not { } oldest || oldest <= now - window)
        {
            return null;
        }

        var wait = oldest + window - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }
}
