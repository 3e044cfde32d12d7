namespace UserMessages.Web.Api;

/// <summary>
/// POST <c>api/threads</c>: recipients by user id, user name or e-mail; files uploaded with <c>POST api/attachments</c> by id; what it is
/// about as <c>kind:key</c>.
/// </summary>
internal sealed record NewThreadBody(IReadOnlyList<string?>? To, string? Subject, string? Content, IReadOnlyList<long>? Attachments = null, string? About = null);

/// <summary>POST <c>api/threads/{id}/messages</c> (with files uploaded with <c>POST api/attachments</c>, by id); PUT a message's new text.</summary>
internal sealed record ReplyBody(string? Content, IReadOnlyList<long>? Attachments = null);

/// <summary>POST <c>api/threads/{id}/participants</c>: people to add, by user id, user name or e-mail.</summary>
internal sealed record ParticipantsBody(IReadOnlyList<string?>? To);

/// <summary>POST <c>api/threads/bulk</c>: <c>action</c> is <c>markRead</c>, <c>markUnread</c>, <c>archive</c>, <c>delete</c>, <c>restore</c>, <c>accept</c>, <c>decline</c> or <c>declineAndBlock</c>.</summary>
internal sealed record BulkBody(string? Action, IReadOnlyList<long>? Ids);

/// <summary>A report of a message: <c>reason</c> is <c>spam</c>, <c>harassment</c>, <c>inappropriate</c> or <c>other</c>; <c>block</c> blocks the sender too.</summary>
internal sealed record ReportBody(string? Reason, string? Note, bool? Block);
