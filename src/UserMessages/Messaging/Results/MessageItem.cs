using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>One message as a thread page shows it.</summary>
/// <param name="Id">The message.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="SentAt">When (UTC).</param>
/// <param name="Content">The text as written; encode it when you show it.</param>
/// <param name="Kind">A written message, or a system line (joined, left).</param>
/// <param name="AboutUser">For a <see cref="Domain.MessageKind.Joined"/> line: who was added (by <paramref name="Sender"/>).</param>
public sealed record MessageItem(long Id, MessagingUser Sender, DateTime SentAt, string Content, Domain.MessageKind Kind = Domain.MessageKind.Text, MessagingUser? AboutUser = null)
{
    /// <summary>Whether the reader reported this message to the moderators.</summary>
    public bool ReportedByReader { get; init; }

    /// <summary>The text rendered from its Markdown, safe to write into a page as it is; <see langword="null"/> for plain text (formatting off, or stored before it).</summary>
    public string? ContentHtml { get; init; }

    /// <summary>When its sender last edited it (UTC), or <see langword="null"/> when never; its earlier versions are on its versions page.</summary>
    public DateTime? EditedAt { get; init; }

    /// <summary>For the reader's own written message: until when (UTC) they may still edit or delete it; else <see langword="null"/>.</summary>
    public DateTime? EditableUntil { get; init; }

    /// <summary>The files attached to it, in the order they were uploaded.</summary>
    public IReadOnlyList<AttachmentItem> Attachments { get; init; } = [];

    /// <summary>
    /// The others who have seen it (neither its sender nor the reader), in the order they joined; empty when the reader, or they,
    /// do not share read receipts.
    /// </summary>
    public IReadOnlyList<MessagingUser> SeenBy { get; init; } = [];
}
