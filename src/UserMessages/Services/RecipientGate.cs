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
        return await AddPolicyRefusalsAsync(senderId, recipientIds, blockers.ToHashSet(StringComparer.Ordinal), cancellationToken);
    }

    /// <summary>
    /// Adds to <paramref name="blockers"/> (those of <paramref name="recipientIds"/> who blocked the
    /// sender, already read) each other recipient the host's policy refuses, and returns it.
    /// </summary>
    public async Task<HashSet<string>> AddPolicyRefusalsAsync(string senderId, IReadOnlyCollection<string> recipientIds, HashSet<string> blockers, CancellationToken cancellationToken)
    {
        foreach (var id in recipientIds.Where(id => !blockers.Contains(id)))
        {
            if (!await policy.AcceptsMessagesAsync(senderId, id, cancellationToken))
            {
                blockers.Add(id);
            }
        }

        return blockers;
    }
}
