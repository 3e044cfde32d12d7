using UserMessages.Domain;

namespace UserMessages.Events;

/// <summary>Something that happened in moderation, told to every <see cref="IModerationEventHandler"/> after it is saved.</summary>
/// <param name="At">When it happened (UTC).</param>
public abstract record ModerationEvent(DateTime At);

/// <summary>A participant reported a message to the moderators.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="ReportId">The report.</param>
/// <param name="ThreadId">The thread of the message.</param>
/// <param name="MessageId">The reported message.</param>
/// <param name="ReporterId">Who reported it.</param>
/// <param name="SenderId">Who wrote it.</param>
/// <param name="Reason">The reason the reporter chose.</param>
public sealed record MessageReported(DateTime At, long ReportId, long ThreadId, long MessageId, string ReporterId, string SenderId, ReportReason Reason)
    : ModerationEvent(At);

/// <summary>A message filter held a message for review: it waits in the moderation queue.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="HeldMessageId">The held message.</param>
/// <param name="SenderId">Who wrote it.</param>
/// <param name="ThreadId">For a reply, its thread; <see langword="null"/> for a new thread.</param>
/// <param name="Reason">The filter's reason.</param>
public sealed record MessageHeld(DateTime At, long HeldMessageId, string SenderId, long? ThreadId, string Reason) : ModerationEvent(At);

/// <summary>A moderator removed a message: its participants see "removed by a moderator" in its place.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="ThreadId">The thread.</param>
/// <param name="MessageId">The removed message.</param>
/// <param name="SenderId">Who wrote it.</param>
/// <param name="ModeratorId">Who removed it.</param>
/// <param name="ParticipantIds">Everyone who may see the thread.</param>
/// <param name="Note">The moderator's reason, or <see langword="null"/>.</param>
public sealed record MessageRemoved(DateTime At, long ThreadId, long MessageId, string SenderId, string ModeratorId, IReadOnlyList<string> ParticipantIds, string? Note)
    : ModerationEvent(At);

/// <summary>A moderator suspended a user's messaging.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="UserId">The suspended user.</param>
/// <param name="ModeratorId">Who suspended them.</param>
/// <param name="EndsAt">When it ends (UTC), or <see langword="null"/> until lifted.</param>
/// <param name="Note">The moderator's reason, or <see langword="null"/>.</param>
public sealed record UserSuspended(DateTime At, string UserId, string ModeratorId, DateTime? EndsAt, string? Note) : ModerationEvent(At);
