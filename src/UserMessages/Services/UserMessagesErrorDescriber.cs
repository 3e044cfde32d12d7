namespace UserMessages.Services;

/// <summary>
/// The words of every error the messaging feature reports. Derive from it and register yours
/// (<c>services.AddScoped&lt;UserMessagesErrorDescriber, MyDescriber&gt;()</c>) to change them.
/// </summary>
public class UserMessagesErrorDescriber
{
    /// <summary>The subject is empty.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError SubjectRequired() => new(nameof(SubjectRequired), "Enter a subject.", "Subject");

    /// <summary>The subject is too long.</summary>
    /// <param name="maxLength">The limit.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError SubjectTooLong(int maxLength) => new(nameof(SubjectTooLong), $"The subject can be at most {maxLength} characters long.", "Subject");

    /// <summary>The content is empty or only white space.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError ContentRequired() => new(nameof(ContentRequired), "Write a message.", "Content");

    /// <summary>The content is too long.</summary>
    /// <param name="maxLength">The limit.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError ContentTooLong(int maxLength) => new(nameof(ContentTooLong), $"The message can be at most {maxLength} characters long.", "Content");

    /// <summary>Nobody (other than the sender) was named.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError RecipientsRequired() => new(nameof(RecipientsRequired), "Name at least one other person to write to.", "Recipients");

    /// <summary>Too many recipients were named.</summary>
    /// <param name="maxRecipients">The limit.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyRecipients(int maxRecipients) => new(nameof(TooManyRecipients), $"A conversation can have at most {maxRecipients} recipients.", "Recipients");

    /// <summary>
    /// A recipient is unknown <em>or</em> does not accept messages from the sender: the same words
    /// for both, so the form cannot be used to find out which accounts exist.
    /// </summary>
    /// <param name="recipient">The recipient as the sender named them.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError RecipientUnavailable(string recipient)
        => new(nameof(RecipientUnavailable), $"You cannot send a message to \u201c{recipient}\u201d.", "Recipients") { Recipient = recipient };

    /// <summary>A paging cursor was not one this app made.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError InvalidCursor() => new(nameof(InvalidCursor), "That page link is not valid. Go back to the first page.", "Cursor");
}
