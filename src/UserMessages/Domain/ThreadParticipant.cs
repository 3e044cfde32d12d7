namespace UserMessages.Domain;

/// <summary>
/// One user's state in one thread (the original's <c>UserThread</c>): read or unread, in the
/// inbox, archived, deleted or left, plus what the folders need to be listed from this row alone.
/// </summary>
public class ThreadParticipant
{
    /// <summary>The thread.</summary>
    public long ThreadId { get; set; }

    /// <summary>The thread (loaded only when asked for).</summary>
    public virtual MessageThread? Thread { get; set; }

    /// <summary>The participant's user id, as the user directory spells it.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>Whether the thread has messages this user has not seen.</summary>
    public bool IsUnread { get; set; }

    /// <summary>Whether the user muted the thread: it stays in their folders, but raises no unread badge and sends no e-mail.</summary>
    public bool IsMuted { get; set; }

    /// <summary>Where the thread is for this user: inbox, archive, trash, or left.</summary>
    public ParticipantState State { get; set; }

    /// <summary>When <see cref="State"/> last changed (UTC); the retention job purges threads by it.</summary>
    public DateTime StateChangedAt { get; set; }

    /// <summary>Whether this user has written at least one message in the thread (the Sent folder).</summary>
    public bool HasSent { get; set; }

    /// <summary>A copy of the thread's latest-message time, so a folder is one index range scan.</summary>
    public DateTime LatestMessageAt { get; set; }

    /// <summary>The latest message this user has seen, or <see langword="null"/> when none.</summary>
    public long? LastReadMessageId { get; set; }

    /// <summary>When the user joined the thread (UTC).</summary>
    public DateTime JoinedAt { get; set; }
}
