namespace UserMessages.Services;

/// <summary>The outcome of a messaging operation.</summary>
public class MessagingResult
{
    private static readonly MessagingResult SuccessResult = new(MessagingStatus.Succeeded, []);
    private static readonly MessagingResult NotFoundResult = new(MessagingStatus.NotFound, []);

    /// <summary>Creates a result.</summary>
    /// <param name="status">How it ended.</param>
    /// <param name="errors">Why it was refused, when it was.</param>
    protected MessagingResult(MessagingStatus status, IReadOnlyList<MessagingError> errors)
    {
        Status = status;
        Errors = errors;
    }

    /// <summary>How it ended.</summary>
    public MessagingStatus Status { get; }

    /// <summary>Whether it was done.</summary>
    public bool Succeeded => Status == MessagingStatus.Succeeded;

    /// <summary>Why it was refused (empty unless <see cref="Status"/> is <see cref="MessagingStatus.Invalid"/>).</summary>
    public IReadOnlyList<MessagingError> Errors { get; }

    /// <summary>A result for an operation that was done.</summary>
    public static MessagingResult Success => SuccessResult;

    /// <summary>A result for a thread the user cannot see.</summary>
    public static MessagingResult NotFound => NotFoundResult;

    /// <summary>A result for refused input.</summary>
    /// <param name="errors">Why.</param>
    /// <returns>The result.</returns>
    public static MessagingResult Invalid(IReadOnlyList<MessagingError> errors) => new(MessagingStatus.Invalid, errors);
}
