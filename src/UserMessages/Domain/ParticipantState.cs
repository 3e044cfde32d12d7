namespace UserMessages.Domain;

/// <summary>Where a thread is for one participant.</summary>
public enum ParticipantState
{
    /// <summary>In the inbox.</summary>
    Active = 0,

    /// <summary>Archived: out of the inbox until a new message arrives.</summary>
    Archived = 1,

    /// <summary>In the trash: hidden until restored or until a new message arrives.</summary>
    Deleted = 2,

    /// <summary>The user left the thread: it is gone for them and they get no new messages.</summary>
    Left = 3,
}
