namespace UserMessages.Domain;

/// <summary>One line of the moderation log: who did what, when, and why.</summary>
public class ModerationLogEntry
{
    /// <summary>The entry's primary key.</summary>
    public long Id { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>The moderator who acted.</summary>
    public string ModeratorId { get; set; } = string.Empty;

    /// <summary>What they did.</summary>
    public ModerationAction Action { get; set; }

    /// <summary>The user it was about (the suspended user, the sender of a removed or held message), or <see langword="null"/>.</summary>
    public string? UserId { get; set; }

    /// <summary>The report it closed, or <see langword="null"/>.</summary>
    public long? ReportId { get; set; }

    /// <summary>The message it was about, or <see langword="null"/>.</summary>
    public long? MessageId { get; set; }

    /// <summary>For a suspension: when it ends (UTC), or <see langword="null"/> until lifted.</summary>
    public DateTime? EndsAt { get; set; }

    /// <summary>Why, as the moderator wrote it, or <see langword="null"/>.</summary>
    public string? Note { get; set; }
}
