namespace UserMessages.Users;

/// <summary>
/// Decides whether a user accepts messages from a sender (for instance, not from someone they
/// blocked). A refusal is reported to the sender with the same words as an unknown user, so the
/// compose form cannot be used to learn which accounts exist. The default accepts everyone.
/// </summary>
public interface IRecipientPolicy
{
    /// <summary>Whether <paramref name="recipientId"/> accepts messages from <paramref name="senderId"/>.</summary>
    /// <param name="senderId">The user who writes.</param>
    /// <param name="recipientId">The user who would receive.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the message may be delivered.</returns>
    ValueTask<bool> AcceptsMessagesAsync(string senderId, string recipientId, CancellationToken cancellationToken);
}
