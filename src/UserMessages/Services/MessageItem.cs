using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>One message as a thread page shows it.</summary>
/// <param name="Id">The message.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="SentAt">When (UTC).</param>
/// <param name="Content">The plain text; encode it when you show it.</param>
public sealed record MessageItem(long Id, MessagingUser Sender, DateTime SentAt, string Content);
