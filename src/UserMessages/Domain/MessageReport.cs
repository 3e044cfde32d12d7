namespace UserMessages.Domain;

/// <summary>A participant's report of a message to the site's moderators.</summary>
public class MessageReport
{
    /// <summary>The longest note a reporter may add, in characters.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The report's primary key.</summary>
    public long Id { get; set; }

    /// <summary>The reported message.</summary>
    public long MessageId { get; set; }

    /// <summary>The thread of the reported message.</summary>
    public long ThreadId { get; set; }

    /// <summary>Who reported it; <see langword="null"/> once their personal data is erased (shown as a former member).</summary>
    public string? ReporterId { get; set; }

    /// <summary>Who wrote the reported message.</summary>
    public string SenderId { get; set; } = string.Empty;

    /// <summary>The reason the reporter chose.</summary>
    public ReportReason Reason { get; set; }

    /// <summary>What the reporter added, or <see langword="null"/>.</summary>
    public string? Note { get; set; }

    /// <summary>The message's text when it was reported, kept for the moderators even when the message is later removed.</summary>
    public string MessageContent { get; set; } = string.Empty;

    /// <summary>When it was reported (UTC).</summary>
    public DateTime ReportedAt { get; set; }

    /// <summary>Open, dismissed or acted upon.</summary>
    public ReportStatus Status { get; set; }

    /// <summary>When a moderator closed it (UTC), or <see langword="null"/> while open.</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>The moderator who closed it, or <see langword="null"/> while open.</summary>
    public string? ResolvedById { get; set; }
}
