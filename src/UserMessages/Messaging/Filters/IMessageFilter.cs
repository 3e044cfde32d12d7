namespace UserMessages.Filters;

/// <summary>
/// Looks at every new thread and reply before it is stored (register with <c>AddMessageFilter&lt;T&gt;()</c>, in the order
/// they run): accept it, reject it with a reason the sender sees, or hold it until a moderator approves it.
/// </summary>
public interface IMessageFilter
{
    /// <summary>Judges one message; the first rejection wins, and any hold holds it.</summary>
    /// <param name="message">The message about to be stored.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The verdict.</returns>
    ValueTask<MessageFilterResult> CheckAsync(MessageToFilter message, CancellationToken cancellationToken);
}

/// <summary>A message a filter judges before it is stored.</summary>
/// <param name="SenderId">Who writes it.</param>
/// <param name="ThreadId">For a reply, its thread; <see langword="null"/> for a new thread.</param>
/// <param name="RecipientIds">Everyone it would reach but the sender.</param>
/// <param name="Subject">For a new thread, its subject; else <see langword="null"/>.</param>
/// <param name="Content">The text.</param>
public sealed record MessageToFilter(string SenderId, long? ThreadId, IReadOnlyList<string> RecipientIds, string? Subject, string Content);

/// <summary>What a filter decided.</summary>
public enum MessageFilterVerdict
{
    /// <summary>Deliver it.</summary>
    Accept,

    /// <summary>Refuse it; the sender sees the reason and keeps their text.</summary>
    Reject,

    /// <summary>Store it for review; it is delivered only when a moderator approves it.</summary>
    Hold,
}

/// <summary>A filter's verdict and, for a rejection or a hold, its reason.</summary>
/// <param name="Verdict">Accept, reject or hold.</param>
/// <param name="Reason">For <see cref="MessageFilterVerdict.Reject"/> the sentence the sender sees; for <see cref="MessageFilterVerdict.Hold"/> the note moderators see.</param>
public sealed record MessageFilterResult(MessageFilterVerdict Verdict, string? Reason = null)
{
    /// <summary>Deliver the message.</summary>
    public static MessageFilterResult Accept { get; } = new(MessageFilterVerdict.Accept);

    /// <summary>Refuse the message.</summary>
    /// <param name="reason">The sentence the sender sees.</param>
    /// <returns>The verdict.</returns>
    public static MessageFilterResult Reject(string reason) => new(MessageFilterVerdict.Reject, reason);

    /// <summary>Hold the message for a moderator.</summary>
    /// <param name="reason">The note the moderators see.</param>
    /// <returns>The verdict.</returns>
    public static MessageFilterResult Hold(string reason) => new(MessageFilterVerdict.Hold, reason);
}
