namespace UserMessages.Events;

/// <summary>
/// What a <see cref="IMessageSentHandler"/> is told after a message is committed (the original's
/// <c>message_sent(message, thread, reply)</c> signal).
/// </summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="MessageId">The new message.</param>
/// <param name="Subject">The thread's subject.</param>
/// <param name="SenderId">Who wrote it.</param>
/// <param name="RecipientIds">Every other participant of the thread.</param>
/// <param name="Content">The message text (plain text; never log it).</param>
/// <param name="SentAt">When it was sent (UTC).</param>
/// <param name="IsReply">Whether it is a reply rather than the first message of a new thread.</param>
public sealed record MessageSent(
    long ThreadId,
    long MessageId,
    string Subject,
    string SenderId,
    IReadOnlyList<string> RecipientIds,
    string Content,
    DateTime SentAt,
    bool IsReply)
{
    /// <summary>Those of <see cref="RecipientIds"/> for whom the thread is a message request: it waits in their Requests folder (no badge, no e-mail, no live toast).</summary>
    public IReadOnlyList<string> RequestedIds { get; init; } = [];

    /// <summary>The message rendered from its Markdown (safe to write into a page), or <see langword="null"/> when formatting is off.</summary>
    public string? ContentHtml { get; init; }

    /// <summary>The files attached to the message.</summary>
    public IReadOnlyList<Services.AttachmentItem> Attachments { get; init; } = [];
}
