namespace UserMessages.Services;

/// <summary>A message of the user's that a filter held: stored, and delivered only when a moderator approves it.</summary>
/// <param name="Id">The held message.</param>
/// <param name="Subject">For a new thread, its subject; else <see langword="null"/>.</param>
/// <param name="Content">The text.</param>
/// <param name="HeldAt">When it was sent (UTC).</param>
public sealed record AwaitingReview(long Id, string? Subject, string Content, DateTime HeldAt);
