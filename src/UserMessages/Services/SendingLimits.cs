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

    /// <summary>The start of the day window that ends at <paramref name="now"/>: the limits count the sender's messages after it.</summary>
    public static DateTime DayAgo(DateTime now) => now - Day;

    /// <summary>A refusal when <paramref name="userId"/> may not send now, else <see langword="null"/>.</summary>
    public async Task<MessagingResult?> CheckAsync(string userId, bool startsThread, DateTime now, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        var dayAgo = DayAgo(now);
        var text = MessageKind.Text;
        var sent = db.Messages.AsNoTracking()
            .Where(m => m.SenderId == userId && m.SentAt > dayAgo && m.Kind == text)
            .OrderByDescending(m => m.SentAt)
            .Select(m => m.SentAt);
        var minuteLimitth = await NthAsync(sent, limits.MessagesPerMinute, cancellationToken);
        if (PerMinute(minuteLimitth, now) is { } perMinute)
        {
            return perMinute;
        }

        // Equal limits have the same limit-th newest message: it is read once.
        var dayLimitth = limits.MessagesPerDay == limits.MessagesPerMinute ? minuteLimitth : await NthAsync(sent, limits.MessagesPerDay, cancellationToken);
        var perDay = PerDay(dayLimitth, now);
        if (perDay is not null || !startsThread)
        {
            return perDay;
        }

        var started = db.Threads.AsNoTracking()
            .Where(t => t.CreatedById == userId && t.CreatedAt > dayAgo)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => t.CreatedAt);
        return NewThreadsPerDay(await NthAsync(started, limits.NewThreadsPerDay, cancellationToken), now);
    }

    /// <summary>
    /// The same judgement for a reply whose two times were read elsewhere (in one command with its
    /// other checks, <see cref="Storage.SendingStatements"/>): the limit-th newest of the sender's
    /// messages of the last day for the per-minute and the per-day limit, each <see langword="null"/>
    /// when there are fewer or the limit is off.
    /// </summary>
    public MessagingResult? ForReply(DateTime? minuteLimitth, DateTime? dayLimitth, DateTime now)
        => PerMinute(minuteLimitth, now) ?? PerDay(dayLimitth, now);

    /// <summary>The same for a new thread, with the limit-th newest of the threads the sender started in the last day.</summary>
    public MessagingResult? ForNewThread(DateTime? minuteLimitth, DateTime? dayLimitth, DateTime? threadLimitth, DateTime now)
        => ForReply(minuteLimitth, dayLimitth, now) ?? NewThreadsPerDay(threadLimitth, now);

    private MessagingResult? PerMinute(DateTime? limitth, DateTime now)
        => Exceeded(limitth, Minute, now) is { } wait
            ? MessagingResult.RateLimited(describer.TooManyMessagesPerMinute(options.Value.Limits.MessagesPerMinute), wait)
            : null;

    private MessagingResult? PerDay(DateTime? limitth, DateTime now)
        => Exceeded(limitth, Day, now) is { } wait
            ? MessagingResult.RateLimited(describer.TooManyMessagesPerDay(options.Value.Limits.MessagesPerDay), wait)
            : null;

    private MessagingResult? NewThreadsPerDay(DateTime? limitth, DateTime now)
        => Exceeded(limitth, Day, now) is { } wait
            ? MessagingResult.RateLimited(describer.TooManyNewThreadsPerDay(options.Value.Limits.NewThreadsPerDay), wait)
            : null;

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
