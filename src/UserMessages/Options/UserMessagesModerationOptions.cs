namespace UserMessages;

/// <summary>Reports, the moderation queue and who may use it.</summary>
public class UserMessagesModerationOptions
{
    /// <summary>
    /// The authorization policy a moderator must pass (one the host adds with <c>AddAuthorization</c>); when
    /// <see langword="null"/>, moderators are the users in <see cref="Role"/>. Everyone else gets 404 from the queue.
    /// </summary>
    public string? Policy { get; set; }

    /// <summary>The role of moderators when no <see cref="Policy"/> is named. Default <c>Moderator</c>.</summary>
    public string Role { get; set; } = "Moderator";

    /// <summary>Messages one user may report per day. Default 20.</summary>
    public int ReportsPerDay { get; set; } = 20;

    /// <summary>Messages shown before and after a reported one in the queue (moderators see no more of the thread). Default 3.</summary>
    public int ContextMessages { get; set; } = 3;
}
