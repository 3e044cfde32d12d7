namespace UserMessages.Domain;

/// <summary>Why someone reported a message.</summary>
public enum ReportReason
{
    /// <summary>Unwanted advertising or mass messages.</summary>
    Spam = 0,

    /// <summary>Harassment, threats or bullying.</summary>
    Harassment = 1,

    /// <summary>Hateful, sexual or otherwise inappropriate content.</summary>
    Inappropriate = 2,

    /// <summary>Anything else (the reporter's note says what).</summary>
    Other = 3,
}
