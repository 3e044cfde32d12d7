using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Store;

namespace UserMessages.Retention;

/// <summary>Deletes, for good, the threads every participant deleted or left before a cut-off.</summary>
internal sealed class ThreadPurge(UserMessagesDb db, PageVersions versions)
{
    public async Task<int> PurgeAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        // Nobody who may see it keeps it out of the trash, and nobody's row changed since the cut-off.
        var deleted = ParticipantState.Deleted;
        var expired = db.Threads.Where(t =>
            !t.Participants.AsQueryable().Where(ThreadAccess.MaySee).Any(p => p.State != deleted)
            && !t.Participants.Any(p => p.StateChangedAt > cutoff));
        await db.PendingNotifications.Where(n => expired.Any(t => t.Id == n.ThreadId)).ExecuteDeleteAsync(cancellationToken);

        // Reports of their messages and replies held for them go with them (the moderation log stays).
        await db.Reports.Where(r => expired.Any(t => t.Id == r.ThreadId)).ExecuteDeleteAsync(cancellationToken);
        await db.HeldMessages.Where(h => expired.Any(t => t.Id == h.ThreadId)).ExecuteDeleteAsync(cancellationToken);

        // They leave their people's trash (kept pages move on).
        var people = await versions.PeopleInAsync(expired.Select(t => t.Id), cancellationToken);

        // Messages and participant rows go with their thread (cascading foreign keys).
        var purged = await expired.ExecuteDeleteAsync(cancellationToken);
        await versions.TouchUsersAsync(people, cancellationToken);
        return purged;
    }
}
