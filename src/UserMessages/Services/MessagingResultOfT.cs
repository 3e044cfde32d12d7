namespace UserMessages.Services;

/// <summary>The outcome of a messaging operation that produces a value.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class MessagingResult<T> : MessagingResult
{
    private MessagingResult(MessagingStatus status, T? value, IReadOnlyList<MessagingError> errors)
        : base(status, errors)
    {
        Value = value;
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
}
