namespace UserMessages.Services;

/// <summary>The outcome of a messaging operation.</summary>
public class MessagingResult
{
    private static readonly MessagingResult SuccessResult = new(MessagingStatus.Succeeded, []);
    private static readonly MessagingResult NotFoundResult = new(MessagingStatus.NotFound, []);

    /// <summary>Creates a result.</summary>
    /// <param name="status">How it ended.</param>
    /// <param name="errors">Why it was refused, when it was.</param>
    /// <param name="retryAfter">When a rate-limited user may try again.</param>
    protected MessagingResult(MessagingStatus status, IReadOnlyList<MessagingError> errors, TimeSpan? retryAfter = null)
    {
        Status = status;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the result of a suspended user's attempt to send.</summary>
    /// <param name="error">The refusal, naming the end of the suspension.</param>
    /// <param name="suspendedUntil">When the suspension ends (UTC), or <see langword="null"/> until a moderator lifts it.</param>
    protected MessagingResult(MessagingError error, DateTime? suspendedUntil)
        : this(MessagingStatus.Suspended, [error])
    {
        SuspendedUntil = suspendedUntil;
    }

    /// <summary>How it ended.</summary>
    public MessagingStatus Status { get; }

    /// <summary>Whether it was done.</summary>
    public bool Succeeded => Status == MessagingStatus.Succeeded;

    /// <summary>Why it was refused (empty unless <see cref="Status"/> is <see cref="MessagingStatus.Invalid"/>).</summary>
    public IReadOnlyList<MessagingError> Errors { get; }

    /// <summary>For <see cref="MessagingStatus.RateLimited"/>: how long until the user may try again.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>For <see cref="MessagingStatus.Suspended"/>: when the suspension ends (UTC), or <see langword="null"/> until a moderator lifts it.</summary>
    public DateTime? SuspendedUntil { get; }

    /// <summary>A result for an operation that was done.</summary>
    public static MessagingResult Success => SuccessResult;

    /// <summary>A result for a thread the user cannot see.</summary>
    public static MessagingResult NotFound => NotFoundResult;

    /// <summary>A result for refused input.</summary>
    /// <param name="errors">Why.</param>
    /// <returns>The result.</returns>
    public static MessagingResult Invalid(IReadOnlyList<MessagingError> errors) => new(MessagingStatus.Invalid, errors);

    /// <summary>A result for a user who has sent too much lately.</summary>
    /// <param name="error">What limit was reached.</param>
    /// <param name="retryAfter">When they may send again.</param>
    /// <returns>The result.</returns>
    public static MessagingResult RateLimited(MessagingError error, TimeSpan retryAfter) => new(MessagingStatus.RateLimited, [error], retryAfter);

    /// <summary>A result for a user whose messaging a moderator suspended.</summary>
    /// <param name="error">The refusal, naming the end of the suspension.</param>
    /// <param name="suspendedUntil">When it ends (UTC), or <see langword="null"/> until lifted.</param>
    /// <returns>The result.</returns>
    public static MessagingResult Suspended(MessagingError error, DateTime? suspendedUntil) => new(error, suspendedUntil);
}
