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
}
