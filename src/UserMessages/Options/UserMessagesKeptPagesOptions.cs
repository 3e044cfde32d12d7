namespace UserMessages;

/// <summary>
/// Kept pages: each app instance keeps the folder and thread pages it rendered, per user, and serves one again while
/// nothing it shows changed in the database. Off by default; turn it on for every instance of a site alike.
/// </summary>
/// <remarks>
/// Every write the package makes moves a version in the counter row of each user whose pages it changes, so a kept page
/// is never served after a change the package made. People's names and "about" cards come from the host and are not
/// versioned: a kept page shows them as they were for at most <see cref="Duration"/>.
/// </remarks>
public class UserMessagesKeptPagesOptions
{
    /// <summary>How long a page is kept at most; <see cref="TimeSpan.Zero"/> (the default) turns kept pages off. At most a day.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>How many pages each instance keeps at most (the least used go first). Default 1,000.</summary>
    public int MaxPages { get; set; } = 1_000;
}
