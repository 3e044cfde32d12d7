namespace UserMessages.Domain;

/// <summary>What a moderator did, as the moderation log records it.</summary>
public enum ModerationAction
{
    /// <summary>Closed a report without acting on it.</summary>
    Dismissed = 0,

    /// <summary>Removed a message: participants see "removed by a moderator" in its place.</summary>
    RemovedMessage = 1,

    /// <summary>Suspended a user's messaging.</summary>
    Suspended = 2,

    /// <summary>Lifted a user's suspension.</summary>
    Lifted = 3,

    /// <summary>Approved a held message: it was delivered.</summary>
    Approved = 4,

    /// <summary>Rejected a held message: it was never delivered.</summary>
    Rejected = 5,
}
