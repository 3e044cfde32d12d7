namespace UserMessages.Domain;

/// <summary>An earlier version of a message its sender edited: the text it had until <see cref="ReplacedAt"/>, shown to the thread's participants.</summary>
public class MessageEdit
{
    /// <summary>The version's primary key.</summary>
    public long Id { get; set; }

    /// <summary>The edited message.</summary>
    public long MessageId { get; set; }

    /// <summary>The text the message had, as written.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>That text rendered from its Markdown, or <see langword="null"/> for plain text.</summary>
    public string? ContentHtml { get; set; }

    /// <summary>When an edit replaced this text (UTC).</summary>
    public DateTime ReplacedAt { get; set; }
}
