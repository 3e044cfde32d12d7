namespace UserMessages.Notifications;

/// <summary>The default: nobody is notified (and, with the switch off, nothing is queued).</summary>
internal sealed class NoNotifier : IMessageNotifier
{
    public Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;
}
