namespace UserMessages.Domain;

/// <summary>One message in a <see cref="MessageThread"/>.</summary>
public class Message
{
    /// <summary>The message's primary key.</summary>
    public long Id { get; set; }

    /// <summary>The thread this message belongs to.</summary>
    public long ThreadId { get; set; }

    /// <summary>The thread this message belongs to (loaded only when asked for).</summary>
    public virtual MessageThread? Thread { get; set; }

    /// <summary>The id of the user who sent it, as the user directory spells it.</summary>
    public string SenderId { get; set; } = string.Empty;

    /// <summary>When it was sent (UTC).</summary>
    public DateTime SentAt { get; set; }

    /// <summary>The text of the message as its sender wrote it, never HTML (empty for system lines).</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>The text rendered from its Markdown when the message was stored, or <see langword="null"/> for a message stored as plain text.</summary>
    public string? ContentHtml { get; set; }

    /// <summary>When its sender last edited or deleted it (UTC), or <see langword="null"/> when never.</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>A written message, or a system line about who joined or left.</summary>
    public MessageKind Kind { get; set; }

    /// <summary>For a <see cref="MessageKind.Joined"/> line: who was added.</summary>
    public string? AboutUserId { get; set; }
}
