using UserMessages.Users;

namespace UserMessages.Notifications;

/// <summary>What one recipient is told: their new messages since the last digest.</summary>
/// <param name="Recipient">Who is told.</param>
/// <param name="Messages">The new messages, oldest first.</param>
public sealed record MessageDigest(MessagingUser Recipient, IReadOnlyList<DigestMessage> Messages);
