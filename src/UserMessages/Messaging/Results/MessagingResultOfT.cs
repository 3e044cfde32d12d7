namespace UserMessages.Services;

/// <summary>The outcome of a messaging operation that produces a value.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class MessagingResult<T> : MessagingResult
{
    private MessagingResult(MessagingStatus status, T? value, IReadOnlyList<MessagingError> errors, TimeSpan? retryAfter = null)
        : base(status, errors, retryAfter)
    {
        Value = value;
    }

    private MessagingResult(MessagingError error, DateTime? suspendedUntil)
        : base(error, suspendedUntil)
    {
    }

    /// <summary>The value, when it <see cref="MessagingResult.Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>A result carrying <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static new MessagingResult<T> Success(T value) => new(MessagingStatus.Succeeded, value, []);

    /// <summary>A result for a thread the user cannot see.</summary>
    /// <returns>The result.</returns>
    public static new MessagingResult<T> NotFound() => new(MessagingStatus.NotFound, default, []);

    /// <summary>A result for refused input.</summary>
    /// <param name="errors">Why.</param>
    /// <returns>The result.</returns>
    public static new MessagingResult<T> Invalid(IReadOnlyList<MessagingError> errors) => new(MessagingStatus.Invalid, default, errors);

    /// <summary>A result for a user who has sent too much lately.</summary>
    /// <param name="error">What limit was reached.</param>
    /// <param name="retryAfter">When they may send again.</param>
    /// <returns>The result.</returns>
    public static new MessagingResult<T> RateLimited(MessagingError error, TimeSpan retryAfter) => new(MessagingStatus.RateLimited, default, [error], retryAfter);

    /// <summary>The same refusal, for another value type.</summary>
    /// <param name="refusal">A result that did not succeed.</param>
    /// <returns>The result.</returns>
    public static MessagingResult<T> From(MessagingResult refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Succeeded
            ? throw new ArgumentException("Only a refusal can be carried over.", nameof(refusal))
            : refusal.Status == MessagingStatus.Suspended
                ? new(refusal.Errors[0], refusal.SuspendedUntil)
                : new(refusal.Status, default, refusal.Errors, refusal.RetryAfter);
    }
}
