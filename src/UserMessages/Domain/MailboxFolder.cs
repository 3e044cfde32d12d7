namespace UserMessages.Domain;

/// <summary>The folders a user's threads are listed in.</summary>
public enum MailboxFolder
{
    /// <summary>Every thread the user takes part in and has not deleted.</summary>
    Inbox,

    /// <summary>Threads in which the user has written a message, not deleted.</summary>
    Sent,

    /// <summary>Threads the user has deleted; they can be restored.</summary>
    Trash,
}
