namespace UserMessages;

/// <summary>How recipients are told of new messages, when a notifier is registered.</summary>
public class UserMessagesNotificationOptions
{
    /// <summary>
    /// How long a recipient's messages must be quiet before they get one digest of everything new.
    /// Default two minutes: a burst of 20 replies is one mail. Zero sends at the next poll.
    /// </summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest a message waits for its digest however busy the conversation. Default 15 minutes.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a failing notifier is retried for a digest, counted from its oldest message's deadline
    /// (waits double from one minute to an hour). Default one day; then that digest is dropped, logged as an error.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the background job looks for digests that are due. Default 15 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
