using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>A message as it is now and the texts it had before its sender edited it, newest first.</summary>
/// <param name="ThreadId">Its thread.</param>
/// <param name="Current">The message as it is now.</param>
/// <param name="Earlier">Its earlier texts, newest first (none for a deleted message).</param>
public sealed record MessageVersions(long ThreadId, MessageItem Current, IReadOnlyList<MessageVersion> Earlier);

/// <summary>One earlier text of an edited message.</summary>
/// <param name="Content">The text as written; encode it when you show it.</param>
/// <param name="ContentHtml">That text rendered from its Markdown, safe to write as it is; <see langword="null"/> for plain text.</param>
/// <param name="ReplacedAt">When an edit replaced it (UTC).</param>
public sealed record MessageVersion(string Content, string? ContentHtml, DateTime ReplacedAt);
