using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>Who will not take messages from a sender: everyone who blocked them, and whoever the host's policy refuses.</summary>
internal sealed class RecipientGate(IRecipientPolicy policy)
{
    /// <summary>
    /// Those of <paramref name="recipientIds"/> who refuse the sender: <paramref name="blockers"/> (those who
    /// blocked them, already read) and each other recipient the host's policy refuses.
    /// </summary>
    public async Task<HashSet<string>> FindRefusingAsync(string senderId, IReadOnlyCollection<string> recipientIds, HashSet<string> blockers, CancellationToken cancellationToken)
    {
        var refusing = new HashSet<string>(blockers, StringComparer.Ordinal);
        foreach (var id in recipientIds.Where(id => !blockers.Contains(id)))
        {
            if (!await policy.AcceptsMessagesAsync(senderId, id, cancellationToken))
            {
                refusing.Add(id);
            }
        }

        return refusing;
    }
}
