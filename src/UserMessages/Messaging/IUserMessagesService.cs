using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>
/// Everything the messaging pages do, for any host code to call, by the user ids <see cref="Users.IUserDirectory"/> gives;
/// a user who does not take part in a thread gets <see cref="MessagingStatus.NotFound"/> for it.
/// </summary>
public interface IUserMessagesService
{
    /// <summary>Starts a thread with a first message (the original's <c>Message.new_message</c>), in one transaction.</summary>
    /// <param name="request">The sender, recipients, subject and content.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new thread and message, or why it was refused.</returns>
    Task<MessagingResult<SentMessage>> StartThreadAsync(NewThreadRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds a reply (the original's <c>Message.new_reply</c>): every other participant gets it unread, and back from the trash.</summary>
    /// <param name="userId">The participant who replies.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="content">The reply.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new message, or why it was refused.</returns>
    Task<MessagingResult<SentMessage>> ReplyAsync(string userId, long threadId, string content, CancellationToken cancellationToken = default);

    /// <summary>Adds a reply carrying the replier's uploads (from <see cref="UploadAsync"/>).</summary>
    /// <param name="userId">The participant who replies.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="content">The reply.</param>
    /// <param name="attachmentIds">The uploads it carries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new message, or why it was refused.</returns>
    Task<MessagingResult<SentMessage>> ReplyAsync(string userId, long threadId, string content, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks files (count, size, and type by their content and name together) and keeps them, waiting for the message that
    /// carries them (<see cref="NewThreadRequest.AttachmentIds"/>, a reply's); unsent ones are deleted after a while.
    /// </summary>
    /// <param name="userId">The uploader.</param>
    /// <param name="files">The files.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The uploads, or every reason a file was refused (then none is kept).</returns>
    Task<MessagingResult<IReadOnlyList<AttachmentItem>>> UploadAsync(string userId, IReadOnlyList<AttachmentUpload> files, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="attachmentIds"/> that are the user's uploads still waiting for their message.</summary>
    /// <param name="userId">The uploader.</param>
    /// <param name="attachmentIds">The uploads asked about.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The uploads found, in upload order.</returns>
    Task<IReadOnlyList<AttachmentItem>> GetUploadsAsync(string userId, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken = default);

    /// <summary>Opens an attachment of a message in a thread the user may see.</summary>
    /// <param name="userId">The reader.</param>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachment and its bytes; not found for anyone else, or when its file is gone.</returns>
    Task<MessagingResult<AttachmentDownload>> OpenAttachmentAsync(string userId, long attachmentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Edits the user's own message within <see cref="UserMessagesOptions.EditWindow"/> of its sending; the text it had is
    /// kept as an earlier version the participants can see, and open pages show the change.
    /// </summary>
    /// <param name="userId">The sender, editing.</param>
    /// <param name="threadId">The message's thread.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="content">The new text.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Success; not found unless the user may see the thread; invalid for someone else's message, a deleted one, one past the window or bad text.</returns>
    Task<MessagingResult> EditMessageAsync(string userId, long threadId, long messageId, string content, CancellationToken cancellationToken = default);

    /// <summary>Deletes the user's own message within <see cref="UserMessagesOptions.EditWindow"/> of its sending: a "message deleted" placeholder stays.</summary>
    /// <param name="userId">The sender, deleting.</param>
    /// <param name="threadId">The message's thread.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Success; not found unless the user may see the thread; invalid for someone else's message, a deleted one or one past the window.</returns>
    Task<MessagingResult> DeleteMessageAsync(string userId, long threadId, long messageId, CancellationToken cancellationToken = default);

    /// <summary>A message of a thread the user may see, with the texts it had before its sender edited it.</summary>
    /// <param name="userId">The reader.</param>
    /// <param name="threadId">The message's thread.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The versions; not found unless the user may see the thread and it is a written (or deleted) message.</returns>
    Task<MessagingResult<MessageVersions>> GetMessageVersionsAsync(string userId, long threadId, long messageId, CancellationToken cancellationToken = default);

    /// <summary>Moves a thread to the user's trash; nobody else is affected and nothing is destroyed.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or not found.</returns>
    Task<MessagingResult> DeleteThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>Brings a thread back from the user's trash.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or not found.</returns>
    Task<MessagingResult> RestoreThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>Archives a thread for the user: out of the inbox until a new message arrives.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or not found.</returns>
    Task<MessagingResult> ArchiveThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>Marks a thread unread again for the user only.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or not found.</returns>
    Task<MessagingResult> MarkUnreadAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies one action to several threads in one transaction. If the user is not a participant of
    /// every one of them, the result is not found and nothing is changed.
    /// </summary>
    /// <param name="userId">The participant.</param>
    /// <param name="action">What to do.</param>
    /// <param name="threadIds">The threads.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, not found, or invalid when no thread is named.</returns>
    Task<MessagingResult> ApplyToThreadsAsync(string userId, ThreadAction action, IReadOnlyCollection<long> threadIds, CancellationToken cancellationToken = default);

    /// <summary>Adds people to a thread; they see its whole history and a system line records it. Blocked and unknown users get the same error.</summary>
    /// <param name="userId">The participant who adds them.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="userIds">Who to add.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, not found, or why it was refused.</returns>
    Task<MessagingResult> AddParticipantsAsync(string userId, long threadId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>Leaves a thread: it disappears for the user, who gets no new messages; the others see that they left.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or not found.</returns>
    Task<MessagingResult> LeaveThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>Marks a thread read for the user only.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or not found.</returns>
    Task<MessagingResult> MarkReadAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a thread read because the user has it open, and tells its other people who share read receipts, live, how far the
    /// user has seen it (when the user shares them too); the thread page and the API's thread read call it.
    /// </summary>
    /// <param name="userId">The signed-in user.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="MessagingStatus.NotFound"/> when the user may not see the thread.</returns>
    Task<MessagingResult> MarkSeenAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The number of threads (not messages) that are unread in the user's inbox: one primary-key
    /// lookup of a counter kept up to date by every write, however many threads are unread.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The count.</returns>
    Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>How many message requests wait in the user's Requests folder.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The number of requests.</returns>
    Task<int> CountRequestsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recomputes every user's unread counter from the participant rows, set-based, in one
    /// transaction. Only needed after those rows were written by other means than this service
    /// (a bulk import, hand-written SQL); run it while nobody is writing messages.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work (nothing is changed then).</param>
    /// <returns>A task that completes when the counters are rebuilt.</returns>
    Task RebuildUnreadCountersAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of a folder, newest activity first (the original's <c>Thread.inbox</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="folder">Inbox, Sent or Trash.</param>
    /// <param name="page">Which page; <see cref="PageRequest.Newest"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, or invalid when a cursor is malformed.</returns>
    Task<MessagingResult<FolderPage>> GetFolderAsync(string userId, MailboxFolder folder, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Searches the subjects and messages of the user's own threads (every folder), newest activity first.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="query">The text to find.</param>
    /// <param name="page">Which page; <see cref="PageRequest.Newest"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page; invalid when the query is too short or a cursor is malformed; rate limited past <see cref="UserMessagesLimits.SearchesPerMinute"/>.</returns>
    Task<MessagingResult<SearchPage>> SearchAsync(string userId, string query, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Users whose name or e-mail starts with what was typed (at most 10), never the caller nor anyone who blocked them.</summary>
    /// <param name="userId">The user typing.</param>
    /// <param name="prefix">What they typed (at least <see cref="UserMessagesOptions.MinSearchLength"/> characters).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The suggestions, or invalid when too little was typed.</returns>
    Task<MessagingResult<IReadOnlyList<Users.MessagingUser>>> SuggestRecipientsAsync(string userId, string prefix, CancellationToken cancellationToken = default);

    /// <summary>The user's messaging settings (the defaults when they never changed them).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The settings.</returns>
    Task<MessagingPreferences> GetPreferencesAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Saves a user's messaging settings; turning notifications off also drops the ones still queued.</summary>
    /// <param name="preferences">The settings, with their <see cref="MessagingPreferences.UserId"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when they are saved.</returns>
    Task SetPreferencesAsync(MessagingPreferences preferences, CancellationToken cancellationToken = default);

    /// <summary>Everything kept about a user (their threads, their messages, blocks and settings), for a data-access request.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The export; serialize it with <c>System.Text.Json</c>.</returns>
    Task<UserDataExport> ExportUserDataAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases a user's messaging data in one transaction: their messages, their place in every thread,
    /// their blocks and settings. The other participants keep the rest of each conversation; a thread
    /// left empty is deleted.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the data is erased.</returns>
    Task EraseUserDataAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>One page of a thread's messages, oldest first; the newest page unless a cursor says otherwise. Does not mark it read.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="page">Which page; <see cref="PageRequest.Newest"/> for the newest messages.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, not found, or invalid when a cursor is malformed.</returns>
    Task<MessagingResult<ThreadPage>> GetThreadAsync(string userId, long threadId, PageRequest page, CancellationToken cancellationToken = default);
}
