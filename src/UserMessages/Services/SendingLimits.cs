using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Services;

/// <summary>
/// Messages per minute and per day, new threads per day, counted from the database itself so the
/// limits hold across restarts and app instances. Each window reads one time: the limit-th newest in
/// it (an index seek on the sender's times), whatever the limits or however much the sender wrote;
/// a limit of 0 is off and reads nothing.
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
        var sent = db.Messages.AsNoTracking()
            .Where(m => m.SenderId == userId && m.SentAt > dayAgo && m.Kind == text)
            .OrderByDescending(m => m.SentAt)
            .Select(m => m.SentAt);
        if (Exceeded(await NthAsync(sent, limits.MessagesPerMinute, cancellationToken), Minute, now) is { } minuteWait)
        {
            return MessagingResult.RateLimited(describer.TooManyMessagesPerMinute(limits.MessagesPerMinute), minuteWait);
        }

        if (Exceeded(await NthAsync(sent, limits.MessagesPerDay, cancellationToken), Day, now) is { } dayWait)
        {
            return MessagingResult.RateLimited(describer.TooManyMessagesPerDay(limits.MessagesPerDay), dayWait);
        }

        if (!startsThread)
        {
            return null;
        }

        var started = db.Threads.AsNoTracking()
            .Where(t => t.CreatedById == userId && t.CreatedAt > dayAgo)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => t.CreatedAt);
        return Exceeded(await NthAsync(started, limits.NewThreadsPerDay, cancellationToken), Day, now) is { } threadWait
            ? MessagingResult.RateLimited(describer.TooManyNewThreadsPerDay(limits.NewThreadsPerDay), threadWait)
            : null;
    }

    /// <summary>
    /// The <paramref name="n"/>-th of <paramref name="times"/> (newest first), or <see langword="null"/>
    /// when there are fewer or the limit is off (0): then nothing is read.
    /// </summary>
    private static Task<DateTime?> NthAsync(IQueryable<DateTime> times, int n, CancellationToken cancellationToken)
        => n == 0 ? Task.FromResult<DateTime?>(null) : times.Skip(n - 1).Select(t => (DateTime?)t).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// With <paramref name="limitth"/> the limit-th newest time: when it falls in the window, the
    /// limit is reached until it leaves the window; else <see langword="null"/>.
    /// </summary>
    private static TimeSpan? Exceeded(DateTime? limitth, TimeSpan window, DateTime now)
    {
        if (limitth is not { } oldest || oldest <= now - window)
        {
            return null;
        }

        var wait = oldest + window - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }
}
