namespace UserMessages.Users;

/// <summary>
/// Names the senders whose new threads always go straight to the recipients' inboxes, never to their Requests
/// folder (for example the site's staff). The default names nobody.
/// </summary>
public interface IMessageRequestPolicy
{
    /// <summary>Whether a new thread from <paramref name="senderId"/> skips the recipients' Requests folders.</summary>
    /// <param name="senderId">The user who starts the thread.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the thread goes straight to every recipient's inbox.</returns>
    ValueTask<bool> SkipsRequestsAsync(string senderId, CancellationToken cancellationToken);
}
