namespace UserMessages.Domain;

/// <summary>Where a report is in the moderation queue.</summary>
public enum ReportStatus
{
    /// <summary>Waiting for a moderator.</summary>
    Open = 0,

    /// <summary>A moderator found nothing to act on.</summary>
    Dismissed = 1,

    /// <summary>A moderator removed the message or suspended its sender (the log says which).</summary>
    Actioned = 2,
}
