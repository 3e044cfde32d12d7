namespace UserMessages.Domain;

/// <summary>One user's messaging settings; a user without a row has the defaults.</summary>
public class MessagingPreferences
{
    /// <summary>The user.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>Whether the user is told of new messages by the notifier (e-mail). Default <see langword="true"/>.</summary>
    public bool NotifyByEmail { get; set; } = true;

    /// <summary>
    /// Whether the others in a thread see when the user has seen their messages. Off, the user also sees no one's receipts.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool ShareReadReceipts { get; set; } = true;
}
