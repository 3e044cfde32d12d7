namespace UserMessages.Services;

/// <summary>One thread in a <see cref="UserDataExport"/>.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="State">Where it is for the user (Active, Archived, Deleted, Left).</param>
/// <param name="JoinedAt">When the user joined it (UTC).</param>
/// <param name="Messages">The messages the user wrote in it, oldest first.</param>
public sealed record ExportedThread(long ThreadId, string Subject, string State, DateTime JoinedAt, IReadOnlyList<ExportedMessage> Messages);
