namespace UserMessages.ViewModels;

/// <summary>The messaging settings page.</summary>
/// <param name="NotifyByEmail">Whether the user is told of new messages by e-mail.</param>
/// <param name="NotificationsAvailable">Whether the site sends notifications at all (a notifier is registered).</param>
/// <param name="Saved">Whether the page follows a save.</param>
public sealed record SettingsViewModel(bool NotifyByEmail, bool NotificationsAvailable, bool Saved)
{
    /// <summary>Whether the others in a thread see when the user has seen their messages (and the user sees theirs).</summary>
    public bool ShareReadReceipts { get; init; } = true;
}
