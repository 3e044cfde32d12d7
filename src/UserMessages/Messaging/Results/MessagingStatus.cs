namespace UserMessages.Services;

/// <summary>How a messaging operation ended.</summary>
public enum MessagingStatus
{
    /// <summary>It was done.</summary>
    Succeeded,

    /// <summary>The input was refused; <see cref="MessagingResult.Errors"/> says why. Nothing was saved.</summary>
    Invalid,

    /// <summary>The thread does not exist or the user does not take part in it. Nothing was saved.</summary>
    NotFound,

    /// <summary>The user has sent too much lately; <see cref="MessagingResult.RetryAfter"/> says when to try again. Nothing was saved.</summary>
    RateLimited,

    /// <summary>A moderator suspended the user's messaging; <see cref="MessagingResult.SuspendedUntil"/> says until when. Nothing was saved.</summary>
    Suspended,
}
