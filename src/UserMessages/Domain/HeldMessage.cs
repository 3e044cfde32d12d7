namespace UserMessages.Domain;

/// <summary>A new thread or a reply a message filter held for review: stored, and delivered only when a moderator approves it.</summary>
public class HeldMessage
{
    /// <summary>The held message's primary key.</summary>
    public long Id { get; set; }

    /// <summary>Who wrote it.</summary>
    public string SenderId { get; set; } = string.Empty;

    /// <summary>For a reply: its thread; <see langword="null"/> for a new thread.</summary>
    public long? ThreadId { get; set; }

    /// <summary>For a new thread: its recipients' ids, separated by the unit separator (U+001F).</summary>
    public string? RecipientIds { get; set; }

    /// <summary>For a new thread: its subject.</summary>
    public string? Subject { get; set; }

    /// <summary>For a new thread: what it is about (<c>listing:123</c>), or <see langword="null"/>.</summary>
    public string? About { get; set; }

    /// <summary>The text of the message.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>When it was sent and held (UTC).</summary>
    public DateTime HeldAt { get; set; }

    /// <summary>The filter's reason for holding it, shown to moderators.</summary>
    public string Reason { get; set; } = string.Empty;
}
