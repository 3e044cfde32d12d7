namespace UserMessages.Domain;

/// <summary>The folders a user's threads are listed in.</summary>
public enum MailboxFolder
{
    /// <summary>Threads the user takes part in, neither archived, deleted nor left.</summary>
    Inbox,

    /// <summary>Threads in which the user has written a message, in the inbox or the archive.</summary>
    Sent,

    /// <summary>Threads the user archived; a new message brings one back to the inbox.</summary>
    Archive,

    /// <summary>Threads the user has deleted; they can be restored.</summary>
    Trash,

    /// <summary>Message requests: threads from people the user has not exchanged messages with, until accepted or declined.</summary>
    Requests,
}
