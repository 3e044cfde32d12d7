namespace UserMessages.Web.Live;

/// <summary>The <c>messageSent</c> event's payload (camelCase on the wire); <c>html</c> is null for a message in plain text.</summary>
internal sealed record LiveMessage(
    long ThreadId,
    long MessageId,
    string Subject,
    string SenderId,
    string SenderName,
    string Content,
    DateTime SentAt,
    bool IsReply,
    string? Html);
