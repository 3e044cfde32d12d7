namespace UserMessages.Events;

/// <summary>Someone who shares read receipts saw a thread up to a message; the others who share them are told.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="UserId">Who saw it.</param>
/// <param name="MessageId">The newest message they have seen.</param>
/// <param name="ToldIds">The others in the thread who share read receipts (those who do not see none).</param>
internal sealed record ThreadSeen(long ThreadId, string UserId, long MessageId, IReadOnlyList<string> ToldIds);

/// <summary>Reacts to <see cref="ThreadSeen"/> after the read mark is saved (the live updates tell the open pages).</summary>
internal interface IThreadSeenHandler
{
    Task HandleAsync(ThreadSeen seen, CancellationToken cancellationToken);
}
