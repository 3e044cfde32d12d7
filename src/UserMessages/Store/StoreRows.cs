using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>A thread on a folder or search page, as the store reads it.</summary>
internal sealed class ThreadRow
{
    /// <summary>
    /// What joins the ids of a thread's other people in one column of the SQL store's folder statement:
    /// the unit separator, a control character no user id contains (the service refuses recipients whose id does).
    /// </summary>
    public const string IdSeparator = "\u001f";

    /// <summary>The longest excerpt of a latest message a folder page shows (one more character is read, to know it was cut).</summary>
    public const int ExcerptLength = 140;

    public long ThreadId { get; init; }

    public bool IsUnread { get; init; }

    public bool IsMuted { get; init; }

    public ParticipantState State { get; init; }

    public DateTime LatestMessageAt { get; init; }

    public string Subject { get; init; } = string.Empty;

    /// <summary>What the thread is about (<c>kind:key</c>), or null.</summary>
    public string? About { get; init; }

    public string SenderId { get; init; } = string.Empty;

    public string Excerpt { get; init; } = string.Empty;

    /// <summary>The ids of the other people who may see the thread, in the order the database gave them.</summary>
    public IReadOnlyList<string> OtherIds { get; init; } = [];

    /// <summary>The other people's ids, in ordinal order (the databases read them in no set order).</summary>
    public string[] Others => field ??= OtherIds.Order(StringComparer.Ordinal).ToArray();
}

/// <summary>A page of a folder's rows, and the reader's unread count when the same read brought it.</summary>
internal sealed record FolderRows(List<ThreadRow> Rows, int? UnreadCount, int? RequestCount = null);

/// <summary>The reader's side of a thread, as the thread page needs it.</summary>
internal sealed class ThreadHeader
{
    public bool IsUnread { get; init; }

    public bool IsMuted { get; init; }

    public ParticipantState State { get; init; }

    public long? LastReadMessageId { get; init; }

    public string Subject { get; init; } = string.Empty;

    /// <summary>What the thread is about (<c>kind:key</c>), or null.</summary>
    public string? About { get; init; }

    /// <summary>The people who may see the thread, in the order they joined, with how far each has read.</summary>
    public List<ParticipantMark> Participants { get; init; } = [];
}

/// <summary>One person of a thread: the newest message they have seen, and whether they share that with the others.</summary>
internal sealed record ParticipantMark(string UserId, long? LastReadMessageId, bool SharesReadReceipts);

/// <summary>The newest activity in a user's inbox (null when it is empty) and the newest message of one thread (null when not theirs).</summary>
internal sealed record LiveState(DateTime? InboxLatestAt, long? ThreadLatestMessageId);

/// <summary>One message as the thread page needs it.</summary>
internal sealed class MessageRow
{
    public long Id { get; init; }

    public string SenderId { get; init; } = string.Empty;

    public DateTime SentAt { get; init; }

    public string Content { get; init; } = string.Empty;

    public string? ContentHtml { get; init; }

    public DateTime? EditedAt { get; init; }

    public MessageKind Kind { get; init; }

    public string? AboutUserId { get; init; }

    /// <summary>Whether the reader reported it.</summary>
    public bool ReportedByReader { get; set; }
}

/// <summary>A thread page as read: the reader's row of the thread and a page of its messages.</summary>
internal sealed record ThreadRead(ThreadHeader Header, List<MessageRow> Messages)
{
    /// <summary>The reader's replies in the thread awaiting review, when asked for.</summary>
    public List<HeldMessage> Held { get; init; } = [];

    /// <summary>The files of the page's messages.</summary>
    public List<MessageAttachment> Attachments { get; init; } = [];
}

/// <summary>The sending limits to read a sender's history for (0 is off), and the start of their day window.</summary>
internal readonly record struct SendingQuota(DateTime Now, DateTime DayAgo, int PerMinute, int PerDay, int NewThreadsPerDay);

/// <summary>
/// For each sending limit N that is on, the time of the sender's N-th newest message (or started
/// thread) of the last day; null when they have fewer or the limit is off.
/// </summary>
internal sealed record SendingHistory(DateTime? NthNewestForMinute, DateTime? NthNewestForDay, DateTime? NthNewestThread)
{
    /// <summary>The sender's suspension in force, if any.</summary>
    public Suspension? Suspension { get; init; }
}

/// <summary>A suspension in force: until <paramref name="EndsAt"/>, or until lifted when that is null.</summary>
internal sealed record Suspension(DateTime? EndsAt);

/// <summary>What a reply is checked against, read before it is written.</summary>
/// <param name="Participants">The people who may see the thread.</param>
/// <param name="Subject">The thread's subject; null when nobody may see it (or there is no such thread).</param>
/// <param name="Blockers">Those of the others in the thread who blocked the replier.</param>
/// <param name="History">The replier's sending history.</param>
/// <param name="Requested">Those of the participants for whom the thread is still a message request.</param>
internal sealed record ReplyChecks(List<string> Participants, string? Subject, HashSet<string> Blockers, SendingHistory History, HashSet<string> Requested);

/// <summary>What a new thread is checked against (besides its recipients being known users).</summary>
/// <param name="Blockers">The recipients who blocked the sender.</param>
/// <param name="History">The sender's sending history.</param>
/// <param name="Acquainted">The recipients who have exchanged messages with the sender (read only when message requests are on).</param>
internal sealed record NewThreadChecks(HashSet<string> Blockers, SendingHistory History, HashSet<string> Acquainted);

/// <summary>A queued notification's due time and deadline, and whether it waits for the quiet period; null where notifications are off.</summary>
internal readonly record struct NotificationTimes(DateTime DueAt, DateTime DeadlineAt, bool AwaitsQuiet);

/// <summary>A participant row of a thread (also of those who left), with the thread's latest message time.</summary>
internal sealed record ParticipantRow(string UserId, ParticipantState State, DateTime ThreadLatestMessageAt);

/// <summary>A block between two users.</summary>
internal sealed record BlockRow(string BlockerId, string BlockedId);

/// <summary>One of a user's threads in their data export, with the messages they wrote in it.</summary>
internal sealed record ExportedThreadRow(long ThreadId, string Subject, ParticipantState State, DateTime JoinedAt, List<ExportedMessageRow> Messages);

/// <summary>A message a user wrote, in their data export.</summary>
internal sealed record ExportedMessageRow(long Id, DateTime SentAt, string Content);

/// <summary>A report a user made, for their data export.</summary>
internal sealed record ExportedReportRow(long Id, long ThreadId, long MessageId, ReportReason Reason, string? Note, DateTime ReportedAt, ReportStatus Status);

/// <summary>
/// A message's text as its sender wrote it, its HTML when it was rendered from Markdown (else <see langword="null"/>), and the
/// sender's waiting uploads it carries.
/// </summary>
internal sealed record MessageText(string Content, string? Html, IReadOnlyList<long> AttachmentIds);

/// <summary>How a sender's edit or deletion of a message went.</summary>
internal enum MessageChangeOutcome
{
    /// <summary>Done.</summary>
    Changed,

    /// <summary>No such message in a thread the user may see.</summary>
    NotFound,

    /// <summary>Someone else's message, or a system line.</summary>
    NotOwn,

    /// <summary>Already deleted, or removed by a moderator.</summary>
    Gone,

    /// <summary>Sent before the edit window.</summary>
    TooLate,
}

/// <summary>A message as its versions page shows it, with its earlier texts, newest first.</summary>
internal sealed record MessageVersionsRow(string SenderId, DateTime SentAt, MessageKind Kind, string Content, string? ContentHtml, DateTime? EditedAt, List<MessageEdit> Earlier);
