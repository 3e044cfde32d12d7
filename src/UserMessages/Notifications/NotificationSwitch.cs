namespace UserMessages.Notifications;

/// <summary>On once a notifier is registered: only then are notifications queued at all.</summary>
internal sealed class NotificationSwitch
{
    public bool IsOn { get; set; }
}
