namespace UserMessages.Services;

/// <summary>Where a sent message was stored.</summary>
/// <param name="ThreadId">Its thread.</param>
/// <param name="MessageId">The message.</param>
public sealed record SentMessage(long ThreadId, long MessageId);
