namespace UserMessages.Services;

/// <summary>One message the user wrote, in a <see cref="UserDataExport"/>.</summary>
/// <param name="MessageId">The message.</param>
/// <param name="SentAt">When (UTC).</param>
/// <param name="Content">The text.</param>
public sealed record ExportedMessage(long MessageId, DateTime SentAt, string Content);
