namespace UserMessages.Services;

/// <summary>Everything the messaging feature keeps about one user, for a data-access request (serialize it as JSON).</summary>
/// <param name="UserId">The user.</param>
/// <param name="ExportedAt">When the export was made (UTC).</param>
/// <param name="Threads">Every thread the user takes or took part in, with the messages they wrote.</param>
/// <param name="BlockedUserIds">The users they blocked.</param>
/// <param name="NotifyByEmail">Their notification setting.</param>
public sealed record UserDataExport(
    string UserId,
    DateTime ExportedAt,
    IReadOnlyList<ExportedThread> Threads,
    IReadOnlyList<string> BlockedUserIds,
    bool NotifyByEmail)
{
    /// <summary>The reports the user made (who else reported what is not theirs to see).</summary>
    public IReadOnlyList<ExportedReport> Reports { get; init; } = [];

    /// <summary>The user's suspension by a moderator, or <see langword="null"/>.</summary>
    public ExportedSuspension? Suspension { get; init; }

    /// <summary>The user's messages held for review and not yet decided.</summary>
    public IReadOnlyList<AwaitingReview> AwaitingReview { get; init; } = [];
}

/// <summary>A report the user made, in their data export.</summary>
/// <param name="Id">The report.</param>
/// <param name="ThreadId">The thread of the reported message.</param>
/// <param name="MessageId">The reported message.</param>
/// <param name="Reason">The reason chosen.</param>
/// <param name="Note">Their note, or <see langword="null"/>.</param>
/// <param name="ReportedAt">When (UTC).</param>
/// <param name="Status">Open, dismissed or acted upon.</param>
public sealed record ExportedReport(long Id, long ThreadId, long MessageId, string Reason, string? Note, DateTime ReportedAt, string Status);

/// <summary>The user's suspension, in their data export.</summary>
/// <param name="StartedAt">When it began (UTC).</param>
/// <param name="EndsAt">When it ends (UTC), or <see langword="null"/> until lifted.</param>
/// <param name="Reason">The moderator's reason, or <see langword="null"/>.</param>
public sealed record ExportedSuspension(DateTime StartedAt, DateTime? EndsAt, string? Reason);
