using UserMessages.Domain;
using UserMessages.Moderation;
using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>The page that reports a message to the moderators.</summary>
/// <param name="ThreadId">The message's thread.</param>
/// <param name="Subject">The thread's subject.</param>
/// <param name="Message">The message.</param>
/// <param name="Reason">The reason chosen, or <see langword="null"/>.</param>
/// <param name="Note">The note as last typed.</param>
/// <param name="BlockSender">Whether "also block the sender" is ticked.</param>
/// <param name="Errors">What was wrong with the last submission.</param>
public sealed record ReportFormViewModel(long ThreadId, string Subject, MessageItem Message, ReportReason? Reason, string Note, bool BlockSender, FormErrors Errors)
{
    /// <summary>Whether the signed-in user already reported this message (the page then says so instead of the form).</summary>
    public bool AlreadyReported { get; init; }
}

/// <summary>The moderation queue: open reports, newest first.</summary>
/// <param name="Reports">This page of reports.</param>
/// <param name="OlderThan">The report to show older ones before, when there are more; else <see langword="null"/>.</param>
public sealed record ModerationQueueViewModel(IReadOnlyList<ReportSummary> Reports, long? OlderThan);

/// <summary>One report with its context and the moderator's actions.</summary>
/// <param name="Detail">The report, the messages around the reported one and the sender's suspension.</param>
/// <param name="Note">The moderator's note as last typed.</param>
/// <param name="Errors">What was wrong with the last submission.</param>
public sealed record ModerationReportViewModel(ReportDetail Detail, string Note, FormErrors Errors);

/// <summary>The suspensions in force.</summary>
/// <param name="Suspensions">The suspensions, the latest first.</param>
public sealed record SuspensionsViewModel(IReadOnlyList<SuspensionItem> Suspensions)
{
    /// <summary>Where the next page starts in the list, when there are more; else <see langword="null"/>.</summary>
    public int? NextSkip { get; init; }
}

/// <summary>The moderation log, newest first.</summary>
/// <param name="Entries">This page of entries.</param>
/// <param name="OlderThan">The entry to show older ones before, when there are more; else <see langword="null"/>.</param>
public sealed record ModerationLogViewModel(IReadOnlyList<ModerationLogItem> Entries, long? OlderThan);

/// <summary>The messages filters held, oldest first, each with approve and reject.</summary>
/// <param name="Held">This page of held messages.</param>
/// <param name="NewerThan">The held message to show later ones after, when there are more; else <see langword="null"/>.</param>
/// <param name="Errors">Why the last decision failed, keyed by the held message's id.</param>
public sealed record HeldMessagesViewModel(IReadOnlyList<HeldItem> Held, long? NewerThan, FormErrors Errors);
