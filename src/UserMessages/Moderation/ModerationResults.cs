using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Moderation;

/// <summary>One report as the moderation queue lists it.</summary>
/// <param name="Id">The report.</param>
/// <param name="ThreadId">The thread of the message.</param>
/// <param name="MessageId">The reported message.</param>
/// <param name="Reporter">Who reported it (a former member once their data is erased); shown to moderators only.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="Reason">The reason the reporter chose.</param>
/// <param name="Note">What the reporter added, or <see langword="null"/>.</param>
/// <param name="MessageContent">The message's text when it was reported.</param>
/// <param name="ReportedAt">When (UTC).</param>
/// <param name="Status">Open, dismissed or acted upon.</param>
public sealed record ReportSummary(
    long Id, long ThreadId, long MessageId, MessagingUser Reporter, MessagingUser Sender, ReportReason Reason, string? Note, string MessageContent, DateTime ReportedAt, ReportStatus Status);

/// <summary>A report with the little of its thread a moderator may see: the reported message and a few around it.</summary>
/// <param name="Report">The report.</param>
/// <param name="Subject">The thread's subject.</param>
/// <param name="Context">The messages around the reported one, oldest first, the reported one among them.</param>
/// <param name="SenderSuspendedUntil">When the sender is suspended: the end (UTC), <see cref="DateTime.MaxValue"/> until lifted; else <see langword="null"/>.</param>
public sealed record ReportDetail(ReportSummary Report, string Subject, IReadOnlyList<MessageItem> Context, DateTime? SenderSuspendedUntil);

/// <summary>A suspension in force, as the moderation pages list it.</summary>
/// <param name="User">The suspended user.</param>
/// <param name="StartedAt">When it began (UTC).</param>
/// <param name="EndsAt">When it ends (UTC), or <see langword="null"/> until lifted.</param>
/// <param name="Moderator">Who suspended them.</param>
/// <param name="Reason">Why, or <see langword="null"/>.</param>
public sealed record SuspensionItem(MessagingUser User, DateTime StartedAt, DateTime? EndsAt, MessagingUser Moderator, string? Reason);

/// <summary>One line of the moderation log.</summary>
/// <param name="Id">The entry.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Moderator">Who acted.</param>
/// <param name="Action">What they did.</param>
/// <param name="User">Whom it was about, or <see langword="null"/>.</param>
/// <param name="ReportId">The report it closed, or <see langword="null"/>.</param>
/// <param name="MessageId">The message it was about, or <see langword="null"/>.</param>
/// <param name="EndsAt">For a suspension, its end (UTC), or <see langword="null"/>.</param>
/// <param name="Note">Why, or <see langword="null"/>.</param>
public sealed record ModerationLogItem(
    long Id, DateTime At, MessagingUser Moderator, ModerationAction Action, MessagingUser? User, long? ReportId, long? MessageId, DateTime? EndsAt, string? Note);

/// <summary>A message a filter held, as the moderation queue lists it.</summary>
/// <param name="Id">The held message.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="ThreadId">For a reply, its thread; <see langword="null"/> for a new thread.</param>
/// <param name="ThreadSubject">For a reply, its thread's subject (for a new thread, <paramref name="Subject"/>).</param>
/// <param name="Recipients">For a new thread, its recipients; for a reply, the thread's other participants.</param>
/// <param name="Subject">For a new thread, its subject; else <see langword="null"/>.</param>
/// <param name="Content">The text.</param>
/// <param name="HeldAt">When it was sent (UTC).</param>
/// <param name="Reason">The filter's reason.</param>
public sealed record HeldItem(
    long Id, MessagingUser Sender, long? ThreadId, string? ThreadSubject, IReadOnlyList<MessagingUser> Recipients, string? Subject, string Content, DateTime HeldAt, string Reason);

/// <summary>What a moderator does with a report.</summary>
public enum ReportDecision
{
    /// <summary>Close it without acting.</summary>
    Dismiss,

    /// <summary>Remove the message.</summary>
    Remove,

    /// <summary>Suspend the sender's messaging.</summary>
    Suspend,

    /// <summary>Remove the message and suspend its sender.</summary>
    RemoveAndSuspend,
}
