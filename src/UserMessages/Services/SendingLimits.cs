using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Services;

/// <summary>
/// Messages per minute and per day, new threads per day, counted from the database itself so the
/// limits hold across restarts and app instances. Each check reads at most the day's limit of times.
/// </summary>
internal sealed class SendingLimits(UserMessagesDb db, IOptions<UserMessagesOptions> options, UserMessagesErrorDescriber describer)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>A refusal when <paramref name="userId"/> may not send now, else <see langword="null"/>.</summary>
    public async Task<MessagingResult?> CheckAsync(string userId, bool startsThread, DateTime now, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        var dayAgo = now - Day;
        var text = MessageKind.Text;
        var sent = await db.Messages.AsNoTracking()
            .Where(m => m.SenderId == userId && m.SentAt > dayAgo && m.Kind == text)
            .OrderByDescending(m => m.SentAt)
            .Select(m => m.SentAt)
            .Take(Math.Max(limits.MessagesPerDay, limits.MessagesPerMinute))
            .ToListAsync(cancellationToken);
        if (Exceeded(sent, limits.MessagesPerMinute, Minute, now) is { } minuteWait)
        {
            return MessagingResult.RateLimited(describer.TooManyMessagesPerMinute(limits.MessagesPerMinute), minuteWait);
        }

        if (Exceeded(sent, limits.MessagesPerDay, Day, now) is { } dayWait)
        {
            return MessagingResult.RateLimited(describer.TooManyMessagesPerDay(limits.MessagesPerDay), dayWait);
        }

        if (!startsThread)
        {
            return null;
        }

        var started = await db.Threads.AsNoTracking()
            .Where(t => t.CreatedById == userId && t.CreatedAt > dayAgo)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => t.CreatedAt)
            .Take(limits.NewThreadsPerDay)
            .ToListAsync(cancellationToken);
        return Exceeded(started, limits.NewThreadsPerDay, Day, now) is { } threadWait
            ? MessagingResult.RateLimited(describer.TooManyNewThreadsPerDay(limits.NewThreadsPerDay), threadWait)
            : null;
    }

    /// <summary>
    /// With <paramref name="times"/> newest first: when <paramref name="limit"/> of them fall in the
    /// window, the wait until the oldest of those leaves it; else <see langword="null"/>.
    /// </summary>
    private static TimeSpan? Exceeded(List<DateTime> times, int limit, TimeSpan window, DateTime now)
    {
        if (times.Count < limit || times[limit - 1] <= now - window)
        {
            return null;
        }

        var wait = times[limit - 1] + window - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }
}
