namespace UserMessages.Blocking;

/// <summary>
/// Blocking: a blocked user cannot start a thread with, add, or write only to the user who blocked
/// them, and never sees them suggested as a recipient. They are told exactly what an unknown user
/// would be told, so a block cannot be detected.
/// </summary>
public interface IUserBlockList
{
    /// <summary>Blocks someone the user shares or shared a conversation with (blocking twice is the same as once).</summary>
    /// <param name="userId">The user who blocks.</param>
    /// <param name="blockedUserId">The user to block.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; invalid for oneself, and with the same error for an unknown user and for anyone the user never had a conversation with.</returns>
    Task<Services.MessagingResult> BlockAsync(string userId, string blockedUserId, CancellationToken cancellationToken = default);

    /// <summary>Unblocks a user (unblocking someone not blocked does nothing).</summary>
    /// <param name="userId">The user who blocked.</param>
    /// <param name="blockedUserId">The user to unblock.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success.</returns>
    Task<Services.MessagingResult> UnblockAsync(string userId, string blockedUserId, CancellationToken cancellationToken = default);

    /// <summary>Everyone the user has blocked, most recent first.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The blocked users.</returns>
    Task<IReadOnlyList<BlockedUser>> GetBlockedUsersAsync(string userId, CancellationToken cancellationToken = default);
}
