using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>Messages a filter held, and what the limits on new accounts read; portable LINQ on every provider.</summary>
internal partial class MessageStore
{
    public async Task<long> HoldAsync(HeldMessage held, CancellationToken cancellationToken)
    {
        var id = await InTransactionAsync(async () =>
        {
            Db.HeldMessages.Add(held);
            await Context.SaveChangesAsync(cancellationToken);
            return held.Id;
        }, cancellationToken);

        // The sender's pages list what awaits review.
        await Versions.TouchUsersAsync([held.SenderId], cancellationToken);
        return id;
    }

    public Task<List<HeldMessage>> ReadHeldAsync(string senderId, long? threadId, CancellationToken cancellationToken)
        => Db.HeldMessages.AsNoTracking()
            .Where(h => h.SenderId == senderId && h.ThreadId == threadId)
            .OrderBy(h => h.Id)
            .ToListAsync(cancellationToken);

    public Task<List<HeldMessage>> ReadHeldByAsync(string senderId, CancellationToken cancellationToken)
        => Db.HeldMessages.AsNoTracking().Where(h => h.SenderId == senderId).OrderBy(h => h.Id).ToListAsync(cancellationToken);

    public Task<List<string>> ReadPeopleStartedWithAsync(string senderId, DateTime since, CancellationToken cancellationToken)
        => Db.Participants.AsNoTracking()
            .Where(p => p.UserId != senderId && p.Thread!.CreatedById == senderId && p.Thread.CreatedAt > since)
            .Select(p => p.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
}
