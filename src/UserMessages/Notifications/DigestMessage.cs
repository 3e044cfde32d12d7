using UserMessages.Users;

namespace UserMessages.Notifications;

/// <summary>One new message in a <see cref="MessageDigest"/>.</summary>
/// <param name="ThreadId">Its thread.</param>
/// <param name="Subject">The thread's subject.</param>
/// <param name="MessageId">The message.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="SentAt">When (UTC).</param>
/// <param name="Content">The text (plain text; never log it).</param>
/// <param name="ThreadPath">The path of the thread's page (prefix it with the site's address for a link in an e-mail); <see langword="null"/> when the app maps no messaging pages.</param>
public sealed record DigestMessage(long ThreadId, string Subject, long MessageId, MessagingUser Sender, DateTime SentAt, string Content, string? ThreadPath);
