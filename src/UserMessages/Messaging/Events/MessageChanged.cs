namespace UserMessages.Events;

/// <summary>A sender changed a message after sending it, told to every <see cref="IMessageChangedHandler"/> after the change is saved.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="MessageId">The message.</param>
/// <param name="SenderId">Who wrote it, and changed it.</param>
/// <param name="ParticipantIds">Everyone who may see the thread.</param>
/// <param name="At">When it was changed (UTC).</param>
public abstract record MessageChanged(long ThreadId, long MessageId, string SenderId, IReadOnlyList<string> ParticipantIds, DateTime At);

/// <summary>The sender edited the message; its earlier text is kept as a version participants can see.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="MessageId">The message.</param>
/// <param name="SenderId">Who wrote it, and edited it.</param>
/// <param name="ParticipantIds">Everyone who may see the thread.</param>
/// <param name="At">When it was edited (UTC).</param>
/// <param name="Content">The new text as written (never log it).</param>
/// <param name="ContentHtml">The new text rendered from its Markdown, or <see langword="null"/> when formatting is off.</param>
public sealed record MessageEdited(long ThreadId, long MessageId, string SenderId, IReadOnlyList<string> ParticipantIds, DateTime At, string Content, string? ContentHtml)
    : MessageChanged(ThreadId, MessageId, SenderId, ParticipantIds, At);

/// <summary>The sender deleted the message: participants see "message deleted" in its place.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="MessageId">The message.</param>
/// <param name="SenderId">Who wrote it, and deleted it.</param>
/// <param name="ParticipantIds">Everyone who may see the thread.</param>
/// <param name="At">When it was deleted (UTC).</param>
public sealed record MessageDeleted(long ThreadId, long MessageId, string SenderId, IReadOnlyList<string> ParticipantIds, DateTime At)
    : MessageChanged(ThreadId, MessageId, SenderId, ParticipantIds, At);
