namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>
/// The site's clock: the real time, except while a test pins it to a moment (so the messages in the
/// screenshots always carry the same dates). Timers keep running on the real clock.
/// </summary>
public sealed class SiteClock : TimeProvider
{
    private DateTimeOffset? pinned;

    public override DateTimeOffset GetUtcNow() => pinned ?? System.GetUtcNow();

    /// <summary>Makes the site's "now" <paramref name="moment"/> until <see cref="Release"/>.</summary>
    public void Pin(DateTimeOffset moment) => pinned = moment;

    public void Release() => pinned = null;
}
