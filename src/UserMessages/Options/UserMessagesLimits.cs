namespace UserMessages;

/// <summary>
/// Limits against abuse; a user over one gets HTTP 429 with <c>Retry-After</c> and keeps what they typed.
/// 0 turns one of the three sending limits, or the search limit, off (no check).
/// </summary>
public class UserMessagesLimits
{
    /// <summary>Messages (new threads and replies) one user may send per minute. Default 10; 0 for no limit.</summary>
    public int MessagesPerMinute { get; set; } = 10;

    /// <summary>Messages one user may send per day. Default 500; 0 for no limit.</summary>
    public int MessagesPerDay { get; set; } = 500;

    /// <summary>New threads one user may start per day. Default 50; 0 for no limit.</summary>
    public int NewThreadsPerDay { get; set; } = 50;

    /// <summary>Recipient suggestions (type-ahead requests) one user may ask for per minute. Default 60.</summary>
    public int SuggestionsPerMinute { get; set; } = 60;

    /// <summary>Searches (each page of results counts) one user may run per minute, per app instance. Default 30; 0 for no limit.</summary>
    public int SearchesPerMinute { get; set; } = 30;
}
