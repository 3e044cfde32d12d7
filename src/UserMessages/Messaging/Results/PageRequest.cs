namespace UserMessages.Services;

/// <summary>
/// Which page of a folder or thread to read: the newest page when both cursors are
/// <see langword="null"/>, else the page older than <paramref name="Before"/> or newer than
/// <paramref name="After"/> (cursors come from a previous page: keyset paging).
/// </summary>
/// <param name="Before">Read the items older than this cursor.</param>
/// <param name="After">Read the items newer than this cursor.</param>
public sealed record PageRequest(string? Before = null, string? After = null)
{
    /// <summary>The newest page.</summary>
    public static PageRequest Newest { get; } = new();
}
