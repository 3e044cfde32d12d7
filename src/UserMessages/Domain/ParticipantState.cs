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

    /// <summary>The user left the thread (or declined it as a request): it is gone for them and they get no new messages.</summary>
    Left = 3,

    /// <summary>A message request: a thread from someone the user has not exchanged messages with, waiting to be accepted (no badge, no e-mail).</summary>
    Request = 4,

    /// <summary>A message request the user declined: gone for them as if they had left, but the others are not told (they still see them listed).</summary>
    Declined = 5,
}
