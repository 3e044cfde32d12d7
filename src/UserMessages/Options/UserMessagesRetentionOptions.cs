namespace UserMessages;

/// <summary>Purging of threads everyone has deleted or left (off by default).</summary>
public class UserMessagesRetentionOptions
{
    /// <summary>Whether the background purge runs. Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long after the last participant deleted or left a thread it is purged. Default 30 days.</summary>
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the purge runs. Default one hour.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
