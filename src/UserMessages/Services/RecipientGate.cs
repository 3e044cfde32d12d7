using Microsoft.EntityFrameworkCore;
using UserMessages.Storage;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>Who will not take messages from a sender: everyone who blocked them, and whoever the host's policy refuses.</summary>
internal sealed class RecipientGate(UserMessagesDb db, IRecipientPolicy policy)
{
    public async Task<HashSet<string>> FindRefusingAsync(string senderId, IReadOnlyCollection<string> recipientIds, CancellationToken cancellationToken)
    {
        if (recipientIds.Count == 0)
        {
            return [];
        }

        var blockers = await db.Blocks.AsNoTracking()
            .Where(b => b.BlockedId == senderId && recipientIds.Contains(b.BlockerId))
            .Select(b => b.BlockerId)
            .ToListAsync(cancellationToken);
        var refusing = blockers.ToHashSet(StringComparer.Ordinal);
        foreach (var id in recipientIds.Where(id => !refusing.Contains(id)))
        {
            if (!await policy.AcceptsMessagesAsync(senderId, id, cancellationToken))
            {
                refusing.Add(id);
            }
        }

        return refusing;
    }
}
