using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>One message of a thread page (the <c>_Message</c> partial).</summary>
/// <param name="Message">The message.</param>
/// <param name="IsOwn">Whether the signed-in user wrote it.</param>
public sealed record MessageViewModel(MessageItem Message, bool IsOwn);
