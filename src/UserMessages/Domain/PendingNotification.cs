namespace UserMessages.Domain;

/// <summary>
/// A message a recipient is still to be told about. Rows wait until their recipient's thread has
/// been quiet for the configured period, so a burst of replies makes one digest, not one mail each.
/// </summary>
public class PendingNotification
{
    /// <summary>The row's key.</summary>
    public long Id { get; set; }

    /// <summary>Who is to be told.</summary>
    public string RecipientId { get; set; } = string.Empty;

    /// <summary>The thread of the message.</summary>
    public long ThreadId { get; set; }

    /// <summary>The message.</summary>
    public long MessageId { get; set; }

    /// <summary>When the recipient's digest may be sent (UTC); later messages push it back, up to <see cref="DeadlineAt"/>.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>The latest the digest may wait for this message (UTC), so steady chatter cannot postpone it for ever.</summary>
    public DateTime DeadlineAt { get; set; }
}
