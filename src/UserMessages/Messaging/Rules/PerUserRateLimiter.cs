using System.Threading.RateLimiting;

namespace UserMessages.Services;

/// <summary>
/// A limit of requests per user and minute, with .NET's own rate limiter, held per app instance. Kept in
/// the package rather than in the host's rate-limiting middleware so the limit holds whatever middleware the host runs.
/// </summary>
internal abstract class PerUserRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    /// <summary>A limiter of <paramref name="permitsPerMinute"/> a user (read when the user's first request comes); 0 for no limit.</summary>
    protected PerUserRateLimiter(Func<int> permitsPerMinute)
        => limiter = PartitionedRateLimiter.Create<string, string>(userId => permitsPerMinute() is var permits and > 0
            ? RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(userId));

    /// <summary>Whether the user may ask now; otherwise how long to wait.</summary>
    public (bool Allowed, TimeSpan RetryAfter) TryAcquire(string userId)
    {
        using var lease = limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return (true, TimeSpan.Zero);
        }

        return (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The search limit per user (<see cref="UserMessagesLimits.SearchesPerMinute"/>).</summary>
internal sealed class SearchRateLimiter(Microsoft.Extensions.Options.IOptions<UserMessagesOptions> options)
    : PerUserRateLimiter(() => options.Value.Limits.SearchesPerMinute);
