using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace UserMessages.Web.Pages;

/// <summary>
/// The type-ahead limit per user, with .NET's own rate limiter. Kept here rather than in the host's
/// rate-limiting middleware so the limit holds whatever middleware the host runs.
/// </summary>
internal sealed class SuggestionRateLimiter(IOptions<UserMessagesOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.Limits.SuggestionsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

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

    public void Dispose() => limiter.Dispose();
}
