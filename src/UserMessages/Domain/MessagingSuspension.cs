namespace UserMessages.Domain;

/// <summary>A moderator's suspension of a user's messaging: they can read, but cannot send until it ends or is lifted.</summary>
public class MessagingSuspension
{
    /// <summary>The longest reason a moderator may record, in characters.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The suspended user.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>When it began (UTC).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When it ends (UTC), or <see langword="null"/> until a moderator lifts it.</summary>
    public DateTime? EndsAt { get; set; }

    /// <summary>The moderator who suspended the user.</summary>
    public string ModeratorId { get; set; } = string.Empty;

    /// <summary>Why, as the moderator wrote it, or <see langword="null"/>.</summary>
    public string? Reason { get; set; }
}
