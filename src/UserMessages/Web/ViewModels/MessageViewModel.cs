using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>One message of a thread page (the <c>_Message</c> partial).</summary>
/// <param name="Message">The message.</param>
/// <param name="IsOwn">Whether the signed-in user wrote it.</param>
public sealed record MessageViewModel(MessageItem Message, bool IsOwn)
{
    /// <summary>The message's thread, for its links (report, edit, delete, earlier versions); 0 where none is shown (the moderation queue, a versions page).</summary>
    public long ThreadId { get; init; }

    /// <summary>Whether to single it out (the reported message among the moderators' context).</summary>
    public bool Highlighted { get; init; }
}
