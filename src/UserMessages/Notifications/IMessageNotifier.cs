namespace UserMessages.Notifications;

/// <summary>
/// Tells one recipient about new messages (a digest, e.g. by e-mail), after commit, once per quiet period; never
/// someone who turned notifications off or has read them. Register one with <c>AddMessageNotifier&lt;T&gt;()</c>.
/// </summary>
public interface IMessageNotifier
{
    /// <summary>Sends one digest.</summary>
    /// <param name="digest">The recipient and their new messages, oldest first.</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    /// <returns>A task that completes when the digest is handed over.</returns>
    Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken);
}
