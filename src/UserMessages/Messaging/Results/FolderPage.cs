using UserMessages.Domain;

namespace UserMessages.Services;

/// <summary>One page of a folder, newest activity first.</summary>
/// <param name="Folder">The folder.</param>
/// <param name="Threads">The threads on this page.</param>
/// <param name="OlderCursor">Pass as <see cref="PageRequest.Before"/> for the next, older page; <see langword="null"/> on the last page.</param>
/// <param name="NewerCursor">Pass as <see cref="PageRequest.After"/> for the previous, newer page; <see langword="null"/> on the first page.</param>
public sealed record FolderPage(MailboxFolder Folder, IReadOnlyList<ThreadSummary> Threads, string? OlderCursor, string? NewerCursor)
{
    /// <summary>In the Sent folder: the user's new threads that await a moderator's review (only read when filters are registered).</summary>
    public IReadOnlyList<AwaitingReview> AwaitingReview { get; init; } = [];

    /// <summary>
    /// The reader's unread count, read by the same statement as the page where the database allows
    /// (see <c>FolderStatement</c>); the folder pages hand it to the unread badge.
    /// </summary>
    internal int? UnreadCount { get; init; }

    /// <summary>The reader's message requests, when the folder's read brought them along.</summary>
    internal int? RequestCount { get; init; }
}
