namespace UserMessages.Domain;

/// <summary>
/// One user's unread-thread count, kept in the same transaction as every change of a thread's
/// read state or folder, so the unread badge is one primary-key read however many threads are
/// unread. A user without a row has no unread thread.
/// </summary>
/// <remarks>
/// Each <see cref="ThreadParticipant"/> row remembers (in the shadow column <c>CountedUnread</c>)
/// whether it is counted here. After writing those rows by other means than
/// <see cref="Services.IUserMessagesService"/> (a bulk import, hand-written SQL), call
/// <see cref="Services.IUserMessagesService.RebuildUnreadCountersAsync"/>.
/// </remarks>
public class MailboxCounter
{
    /// <summary>The user.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>How many threads in the user's inbox are unread (the unread badge).</summary>
    public int UnreadThreads { get; set; }

    /// <summary>
    /// Moves whenever what the user's pages show changes, while kept pages are on (the <c>KeptPages</c> option):
    /// a page kept for an older version is rendered again.
    /// </summary>
    public long Version { get; set; }
}
