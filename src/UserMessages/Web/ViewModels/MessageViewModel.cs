using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>One message of a thread page (the <c>_Message</c> partial).</summary>
/// <param name="Message">The message.</param>
/// <param name="IsOwn">Whether the signed-in user wrote it.</param>
public sealed record MessageViewModel(MessageItem Message, bool IsOwn)
{
    /// <summary>The message's thread, for its Report link; 0 where no link is shown (the moderation queue).</summary>
    public long ThreadId { get; init; }

    /// <summary>Whether to single it out (the reported message among the moderators' context).</summary>
    public bool Highlighted { get; init; }
}
