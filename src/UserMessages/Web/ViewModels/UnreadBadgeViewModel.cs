namespace UserMessages.ViewModels;

/// <summary>The unread-count badge for the host's layout.</summary>
/// <param name="Count">Unread threads (not messages).</param>
/// <param name="InboxUrl">Where the badge links to.</param>
public sealed record UnreadBadgeViewModel(int Count, string InboxUrl)
{
    /// <summary>Render the count alone (for a link of the host's own), not the package's link.</summary>
    public bool CountOnly { get; init; }

    /// <summary>CSS classes for the link in place of the package's <c>um-badge</c> (e.g. <c>nav-link</c>).</summary>
    public string? LinkClass { get; init; }

    /// <summary>CSS classes for the count in place of the package's <c>um-badge__count</c> (e.g. Bootstrap's <c>badge text-bg-danger</c>).</summary>
    public string? CountClass { get; init; }

    /// <summary>The link's text in place of the translated "Messages".</summary>
    public string? Label { get; init; }
}
