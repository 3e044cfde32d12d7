namespace UserMessages.Notifications;

/// <summary>
/// Tells one recipient about new messages, e.g. by e-mail. Called after commit, once per recipient
/// per quiet period with everything new (a digest), and never for a user who turned notifications
/// off or has already read the messages. Register one with <c>AddMessageNotifier&lt;T&gt;()</c>;
/// without one, nobody is notified and nothing is queued.
/// </summary>
public interface IMessageNotifier
{
    /// <summary>Sends one digest.</summary>
    /// <param name="digest">The recipient and their new messages, oldest first.</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    /// <returns>A task that completes when the digest is handed over.</returns>
    Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken);
}
