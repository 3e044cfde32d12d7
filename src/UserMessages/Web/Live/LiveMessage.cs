namespace UserMessages.Web.Live;

/// <summary>
/// The <c>messageSent</c> event's payload (camelCase on the wire); <c>html</c> is null for a message in plain text; each attachment
/// is <c>{ id, fileName, contentType, length, isImage }</c>.
/// </summary>
internal sealed record LiveMessage(
    long ThreadId,
    long MessageId,
    string Subject,
    string SenderId,
    string SenderName,
    string Content,
    DateTime SentAt,
    bool IsReply,
    string? Html,
    IReadOnlyList<Services.AttachmentItem> Attachments);
