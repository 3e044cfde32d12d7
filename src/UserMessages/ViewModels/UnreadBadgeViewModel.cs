namespace UserMessages.ViewModels;

/// <summary>The unread-count badge for the host's layout.</summary>
/// <param name="Count">Unread threads (not messages).</param>
/// <param name="InboxUrl">Where the badge links to.</param>
public sealed record UnreadBadgeViewModel(int Count, string InboxUrl);
