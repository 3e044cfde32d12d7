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
    bool NotifyByEmail);
