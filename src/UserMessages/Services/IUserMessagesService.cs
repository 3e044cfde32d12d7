using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>
/// Everything the messaging pages do, for any host code to call: start a thread, reply, delete,
/// restore, mark read, count unread threads and list folders. User ids are the ones
/// <see cref="Users.IUserDirectory"/> gives (for Identity, <c>UserManager.GetUserId</c>).
/// A user who does not take part in a thread gets <see cref="MessagingStatus.NotFound"/> for it.
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

    /// <summary>Marks a thread read for the user only.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or not found.</returns>
    Task<MessagingResult> MarkReadAsync(string userId, long threadId, CancellationToken cancellationToken = default);

    /// <summary>The number of threads (not messages) that are unread and not deleted for the user: one SQL statement.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The count.</returns>
    Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>One page of a folder, newest activity first (the original's <c>Thread.inbox</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="folder">Inbox, Sent or Trash.</param>
    /// <param name="page">Which page; <see cref="PageRequest.Newest"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, or invalid when a cursor is malformed.</returns>
    Task<MessagingResult<FolderPage>> GetFolderAsync(string userId, MailboxFolder folder, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>One page of a thread's messages, oldest first; the newest page unless a cursor says otherwise. Does not mark it read.</summary>
    /// <param name="userId">The participant.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="page">Which page; <see cref="PageRequest.Newest"/> for the newest messages.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, not found, or invalid when a cursor is malformed.</returns>
    Task<MessagingResult<ThreadPage>> GetThreadAsync(string userId, long threadId, PageRequest page, CancellationToken cancellationToken = default);
}
