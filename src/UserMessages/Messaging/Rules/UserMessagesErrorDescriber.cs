using System.Globalization;
using Microsoft.Extensions.Localization;

namespace UserMessages.Services;

/// <summary>
/// The words of every error the messaging feature reports. Derive from it and register yours
/// (<c>services.AddScoped&lt;UserMessagesErrorDescriber, MyDescriber&gt;()</c>) to change them.
/// </summary>
public class UserMessagesErrorDescriber
{
    private readonly IStringLocalizer? localizer;

    /// <summary>Creates a describer that speaks English.</summary>
    public UserMessagesErrorDescriber()
    {
    }

    /// <summary>Creates a describer that speaks the request's language through the package's resources.</summary>
    /// <param name="localizer">The package's localizer.</param>
    public UserMessagesErrorDescriber(IStringLocalizer<UserMessagesResources> localizer)
    {
        this.localizer = localizer;
    }
    /// <summary>The subject is empty.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError SubjectRequired() => new(nameof(SubjectRequired), Text("Enter a subject."), "Subject");

    /// <summary>The subject is too long.</summary>
    /// <param name="maxLength">The limit.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError SubjectTooLong(int maxLength) => new(nameof(SubjectTooLong), Text("The subject can be at most {0} characters long.", maxLength), "Subject");

    /// <summary>The subject has a line break or another control character (a subject is one line of text).</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError SubjectNotOneLine() => new(nameof(SubjectNotOneLine), Text("The subject must be one line of text, without line breaks or control characters."), "Subject");

    /// <summary>The content has a control character other than line breaks and tabs, which cannot be stored.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError ContentHasControlCharacters() => new(nameof(ContentHasControlCharacters), Text("The message contains characters that cannot be sent (control characters). Remove them and send again."), "Content");

    /// <summary>The content is empty or only white space.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError ContentRequired() => new(nameof(ContentRequired), Text("Write a message."), "Content");

    /// <summary>The content is too long.</summary>
    /// <param name="maxLength">The limit.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError ContentTooLong(int maxLength) => new(nameof(ContentTooLong), Text("The message can be at most {0} characters long.", maxLength), "Content");

    /// <summary>Nobody (other than the sender) was named.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError RecipientsRequired() => new(nameof(RecipientsRequired), Text("Name at least one other person to write to."), "Recipients");

    /// <summary>Too many recipients were named.</summary>
    /// <param name="maxRecipients">The limit.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyRecipients(int maxRecipients) => new(nameof(TooManyRecipients), Text("A conversation can have at most {0} recipients.", maxRecipients), "Recipients");

    /// <summary>
    /// A recipient is unknown <em>or</em> does not accept messages from the sender: the same words
    /// for both, so the form cannot be used to find out which accounts exist.
    /// </summary>
    /// <param name="recipient">The recipient as the sender named them.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError RecipientUnavailable(string recipient)
        => new(nameof(RecipientUnavailable), Text("You cannot send a message to \u201c{0}\u201d.", recipient), "Recipients") { Recipient = recipient };

    /// <summary>
    /// A reply or addition is refused because everyone else in the thread blocked the user: the same
    /// neutral words whoever blocked whom.
    /// </summary>
    /// <returns>The error.</returns>
    public virtual MessagingError ConversationUnavailable() => new(nameof(ConversationUnavailable), Text("You cannot send messages in this conversation."), "Content");

    /// <summary>Adding people would make the thread larger than allowed.</summary>
    /// <param name="maxRecipients">The most people besides the sender.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyParticipants(int maxRecipients) => new(nameof(TooManyParticipants), Text("A conversation can have at most {0} people.", maxRecipients + 1), "Recipients");

    /// <summary>The user sent more messages in the last minute than allowed.</summary>
    /// <param name="limit">Messages a minute.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyMessagesPerMinute(int limit) => new(nameof(TooManyMessagesPerMinute), Text("You can send at most {0} messages a minute. Wait a moment and send again.", limit));

    /// <summary>The user sent more messages in the last day than allowed.</summary>
    /// <param name="limit">Messages a day.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyMessagesPerDay(int limit) => new(nameof(TooManyMessagesPerDay), Text("You can send at most {0} messages a day.", limit));

    /// <summary>The user started more threads in the last day than allowed.</summary>
    /// <param name="limit">New threads a day.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyNewThreadsPerDay(int limit) => new(nameof(TooManyNewThreadsPerDay), Text("You can start at most {0} new conversations a day.", limit));

    /// <summary>
    /// A user to block is not someone the blocker shares or shared a conversation with: the same words
    /// whether or not such an account exists.
    /// </summary>
    /// <param name="name">The name as typed.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError UserNotFound(string name)
        => new(nameof(UserNotFound), Text("You can block the people you have had a conversation with; \u201c{0}\u201d is not one of them.", name), "User");

    /// <summary>A user tried to block themselves.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError CannotBlockYourself() => new(nameof(CannotBlockYourself), Text("You cannot block yourself."), "User");

    /// <summary>A search needs more to go on.</summary>
    /// <param name="minLength">The shortest query.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError SearchTooShort(int minLength) => new(nameof(SearchTooShort), Text("Type at least {0} characters to search.", minLength), "Query");

    /// <summary>A search has a control character, which no message holds.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError SearchHasControlCharacters() => new(nameof(SearchHasControlCharacters), Text("Search for words without control characters."), "Query");

    /// <summary>The user searched more often in the last minute than allowed.</summary>
    /// <param name="limit">Searches a minute.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManySearches(int limit) => new(nameof(TooManySearches), Text("You can search at most {0} times a minute. Wait a moment and search again.", limit));

    /// <summary>A bulk action named no thread.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError NoThreadSelected() => new(nameof(NoThreadSelected), Text("Select at least one conversation."), "Threads");

    /// <summary>A bulk action is not one of the five.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError UnknownBulkAction()
        => new(nameof(UnknownBulkAction), Text("The action is one of markRead, markUnread, archive, delete and restore."), "Action");

    /// <summary>A list of conversation ids holds something else than whole numbers from 1 up.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError InvalidThreadIds() => new(nameof(InvalidThreadIds), Text("Conversation ids are whole numbers from 1 up."), "Threads");

    /// <summary>A request's property that must be text holds another kind of value.</summary>
    /// <param name="field">The input it is about (<c>Subject</c>, <c>Content</c>...).</param>
    /// <param name="property">The property as the caller named it.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError NotText(string field, string property) => new(nameof(NotText), Text("Send \u201c{0}\u201d as text.", property), field);

    /// <summary>The recipients are not a list of names or ids.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError NotAListOfNames() => new(nameof(NotAListOfNames), Text("Send the recipients as a list of user ids or names."), "Recipients");

    /// <summary>A paging cursor was not one this app made.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError InvalidCursor() => new(nameof(InvalidCursor), Text("That page link is not valid. Go back to the first page."), "Cursor");

    /// <summary>A moderator suspended the sender's messaging.</summary>
    /// <param name="endsAt">When the suspension ends (UTC), or <see langword="null"/> until lifted.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError MessagingSuspended(DateTime? endsAt) => new(
        nameof(MessagingSuspended),
        endsAt is { } end
            ? Text("A moderator suspended your messaging until {0} UTC. You can still read your messages.", end.ToString("g", CultureInfo.CurrentCulture))
            : Text("A moderator suspended your messaging until further notice. You can still read your messages."));

    /// <summary>The reporter already reported this message.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError AlreadyReported() => new(nameof(AlreadyReported), Text("You have already reported this message."));

    /// <summary>Someone tried to report their own message, or a line that is not a message.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError CannotReport() => new(nameof(CannotReport), Text("Only messages others wrote can be reported."));

    /// <summary>Someone tried to edit or delete a message they did not write, or a line that is not a message.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError NotYourMessage() => new(nameof(NotYourMessage), Text("Only your own messages can be edited or deleted."));

    /// <summary>The message was deleted by its sender or removed by a moderator.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError MessageGone() => new(nameof(MessageGone), Text("This message was deleted, so it cannot be changed."));

    /// <summary>The edit window of the message is over.</summary>
    /// <param name="window">How long after sending a message may be changed.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError EditWindowOver(TimeSpan window)
        => new(nameof(EditWindowOver), Text("A message can be edited or deleted for {0} minutes after it was sent; this one no longer can.", (int)window.TotalMinutes));

    /// <summary>Files were attached where attachments are off.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError AttachmentsOff() => new(nameof(AttachmentsOff), Text("Files cannot be attached to messages here."), "Files");

    /// <summary>More files than a message may carry.</summary>
    /// <param name="max">Files per message.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyFiles(int max) => new(nameof(TooManyFiles), Text("Attach at most {0} files to a message.", max), "Files");

    /// <summary>An empty file.</summary>
    /// <param name="fileName">Its name.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError FileEmpty(string fileName) => new(nameof(FileEmpty), Text("“{0}” is empty.", fileName), "Files");

    /// <summary>A file larger than allowed.</summary>
    /// <param name="fileName">Its name.</param>
    /// <param name="maxBytes">The largest file, in bytes.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError FileTooLarge(string fileName, long maxBytes)
        => new(nameof(FileTooLarge), Text("“{0}” is larger than {1}, the most a file may be.", fileName, SizeOf(maxBytes)), "Files");

    /// <summary>A size as people read it: kilobytes below a megabyte, else megabytes.</summary>
    private static string SizeOf(long bytes)
        => bytes < 1024 * 1024
            ? string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, bytes / 1024)} KB")
            : string.Create(CultureInfo.CurrentCulture, $"{Math.Round(bytes / (1024d * 1024d), 1)} MB");

    /// <summary>A file whose name's extension is not one of the allowed types.</summary>
    /// <param name="fileName">Its name.</param>
    /// <param name="allowedTypes">The types allowed (MIME types).</param>
    /// <returns>The error.</returns>
    public virtual MessagingError FileTypeNotAllowed(string fileName, IEnumerable<string> allowedTypes)
        => new(nameof(FileTypeNotAllowed), Text("“{0}” cannot be attached: only these kinds of files can ({1}).", fileName, string.Join(", ", allowedTypes.Order(StringComparer.Ordinal))), "Files");

    /// <summary>A file whose content is not of the type its name says.</summary>
    /// <param name="fileName">Its name.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError FileNotOfItsType(string fileName)
        => new(nameof(FileNotOfItsType), Text("“{0}” is not the kind of file its name says, so it cannot be attached.", fileName), "Files");

    /// <summary>The user has too many uploads waiting for their message.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyUnsentFiles() => new(nameof(TooManyUnsentFiles), Text("You have too many files waiting to be sent. Send your message, or try again in an hour."), "Files");

    /// <summary>A message names an upload that is not the sender's, or no longer waits to be sent.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError AttachmentNotWaiting() => new(nameof(AttachmentNotWaiting), Text("One of the files is no longer waiting to be sent. Attach it again."), "Files");

    /// <summary>A new thread names something it is about that the site does not know, or that the sender may not use.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError UnknownAbout() => new(nameof(UnknownAbout), Text("This conversation cannot be about that: it is unknown or not yours to write about."), "About");

    /// <summary>A report without one of the listed reasons.</summary>
    /// <returns>The error.</returns>
    public virtual MessagingError ReportReasonRequired() => new(nameof(ReportReasonRequired), Text("Choose why you are reporting this message."), "Reason");

    /// <summary>A report's or a moderator's note is too long.</summary>
    /// <param name="maxLength">The longest note.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError NoteTooLong(int maxLength) => new(nameof(NoteTooLong), Text("The note can be at most {0} characters long.", maxLength), "Note");

    /// <summary>The reporter reached the daily number of reports.</summary>
    /// <param name="limit">Reports a day.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyReports(int limit) => new(nameof(TooManyReports), Text("You can report at most {0} messages a day.", limit));

    /// <summary>A message filter refused the message.</summary>
    /// <param name="reason">The filter's reason, for the sender.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError MessageRejected(string reason) => new(nameof(MessageRejected), reason, "Content");

    /// <summary>The sentence for a filter's rejection that gave no reason.</summary>
    /// <returns>The sentence.</returns>
    public virtual string MessageRejectedWithoutReason() => Text("This message cannot be sent.");

    /// <summary>A new account reached the number of people it may start conversations with in a day.</summary>
    /// <param name="limit">People a day.</param>
    /// <returns>The error.</returns>
    public virtual MessagingError TooManyPeopleForNewAccount(int limit)
        => new(nameof(TooManyPeopleForNewAccount), Text("New accounts can start conversations with at most {0} people a day.", limit), "Recipients");

    /// <summary>The sentence in the current UI culture (English when no localizer or translation).</summary>
    /// <param name="text">The English sentence, a composite format string.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>The sentence.</returns>
    protected string Text(string text, params object[] arguments)
        => localizer is not null ? localizer[text, arguments].Value : string.Format(CultureInfo.CurrentCulture, text, arguments);
}
