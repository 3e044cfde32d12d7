namespace UserMessages.Services;

/// <summary>One reason an operation was refused.</summary>
/// <param name="Code">A stable code such as <c>SubjectRequired</c>, for programs.</param>
/// <param name="Description">A sentence for people.</param>
/// <param name="Field">The input it is about (<c>Subject</c>, <c>Content</c>, <c>Recipients</c>...), or <see langword="null"/>.</param>
public sealed record MessagingError(string Code, string Description, string? Field = null)
{
    /// <summary>For a refused recipient: the recipient as the caller named them.</summary>
    public string? Recipient { get; init; }
}
