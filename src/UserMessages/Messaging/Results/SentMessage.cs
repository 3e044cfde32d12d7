namespace UserMessages.Services;

/// <summary>Where a sent message was stored.</summary>
/// <param name="ThreadId">Its thread.</param>
/// <param name="MessageId">The message.</param>
public sealed record SentMessage(long ThreadId, long MessageId)
{
    /// <summary>When a filter held the message for review: the held message (then <see cref="MessageId"/> is 0, and so is <see cref="ThreadId"/> for a new thread).</summary>
    public long? HeldMessageId { get; init; }

    /// <summary>Whether the message awaits a moderator's review instead of being delivered.</summary>
    public bool IsHeld => HeldMessageId is not null;
}
