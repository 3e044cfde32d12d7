using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Retention;

/// <summary>Deletes, for good, the threads every participant deleted or left before a cut-off.</summary>
internal sealed class ThreadPurge(UserMessagesDb db)
{
    public async Task<int> PurgeAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var (deleted, left) = (ParticipantState.Deleted, ParticipantState.Left);
        var expired = db.Threads.Where(t =>
            !t.Participants.Any(p => (p.State != deleted && p.State != left) || p.StateChangedAt > cutoff));
        await db.PendingNotifications.Where(n => expired.Any(t => t.Id == n.ThreadId)).ExecuteDeleteAsync(cancellationToken);

        // Messages and participant rows go with their thread (cascading foreign keys).
        return await expired.ExecuteDeleteAsync(cancellationToken);
    }
}
