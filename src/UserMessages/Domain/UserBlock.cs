namespace UserMessages.Domain;

/// <summary>One user blocking another: the blocked user cannot start threads with, add, or write only to the blocker.</summary>
public class UserBlock
{
    /// <summary>The user who blocks.</summary>
    public string BlockerId { get; set; } = string.Empty;

    /// <summary>The user who is blocked.</summary>
    public string BlockedId { get; set; } = string.Empty;

    /// <summary>When the block was made (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
