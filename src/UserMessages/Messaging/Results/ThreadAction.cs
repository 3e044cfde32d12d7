namespace UserMessages.Services;

/// <summary>What a user can do to threads in their folders, one at a time or several in one go.</summary>
public enum ThreadAction
{
    /// <summary>Mark read.</summary>
    MarkRead,

    /// <summary>Mark unread again.</summary>
    MarkUnread,

    /// <summary>Move to the archive (out of the inbox until a new message arrives).</summary>
    Archive,

    /// <summary>Move to the trash.</summary>
    Delete,

    /// <summary>Bring back to the inbox from the archive or the trash.</summary>
    Restore,

    /// <summary>Accept a message request: the thread moves to the inbox, and later threads from its sender go straight there.</summary>
    Accept,

    /// <summary>Decline a message request: the thread is gone for the user; its sender is not told.</summary>
    Decline,

    /// <summary>Decline a message request and block its sender.</summary>
    DeclineAndBlock,

    /// <summary>Mute: the thread stays in its folder but raises no unread badge and sends no e-mail.</summary>
    Mute,

    /// <summary>Unmute: the thread counts in the badge and sends e-mail again.</summary>
    Unmute,
}
