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

    /// <summary>
    /// A reply or addition is refused because everyone else in the thread blocked the user: the same
    /// neutral words whoever blocked whom.
    /// </summary>
    /// <returns>The error.</returns>
    public virtual MessagingError ConversationUnavailable() => new(nameof(ConversationUnavailable), "You cannot send messages in this conversation.", "Content");

    /// <summary>Adding people would make the thread larger than allowed.</summary>
    /// <param name="maxRecipients">The most people besides the sender.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyParticipants(int maxRecipients) => new(nameof(TooManyParticipants), $"A conversation can have at most {maxRecipients + 1} people.", "Recipients");

    /// <summary>The user sent more messages in the last minute than allowed.</summary>
    /// <param name="limit">Messages a minute.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyMessagesPerMinute(int limit) => new(nameof(TooManyMessagesPerMinute), $"You can send at most {limit} messages a minute. Wait a moment and send again.");

    /// <summary>The user sent more messages in the last day than allowed.</summary>
    /// <param name="limit">Messages a day.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyMessagesPerDay(int limit) => new(nameof(TooManyMessagesPerDay), $"You can send at most {limit} messages a day.");

    /// <summary>The user started more threads in the last day than allowed.</summary>
    /// <param name="limit">New threads a day.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyNewThreadsPerDay(int limit) => new(nameof(TooManyNewThreadsPerDay), $"You can start at most {limit} new conversations a day.");

    /// <summary>A user to block was not found.</summary>
    /// <param name="name">The name as typed.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError UserNotFound(string name) => new(nameof(UserNotFound), $"Could not find \u201c{name}\u201d.", "User");

    /// <summary>A user tried to block themselves.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError CannotBlockYourself() => new(nameof(CannotBlockYourself), "You cannot block yourself.", "User");

    /// <summary>A search needs more to go on.</summary>
    /// <param name="minLength">The shortest query.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError SearchTooShort(int minLength) => new(nameof(SearchTooShort), $"Type at least {minLength} characters to search.", "Query");

    /// <summary>A bulk action named no thread.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError NoThreadSelected() => new(nameof(NoThreadSelected), "Select at least one conversation.", "Threads");

    /// <summary>A paging cursor was not one this app made.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError InvalidCursor() => new(nameof(InvalidCursor), "That page link is not valid. Go back to the first page.", "Cursor");
}
