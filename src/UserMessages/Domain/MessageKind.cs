namespace UserMessages.Domain;

/// <summary>What a line of a thread is: a message someone wrote, or a system line about who is in it.</summary>
public enum MessageKind
{
    /// <summary>A message written by <see cref="Message.SenderId"/>.</summary>
    Text = 0,

    /// <summary><see cref="Message.AboutUserId"/> was added to the thread by <see cref="Message.SenderId"/>.</summary>
    Joined = 1,

    /// <summary><see cref="Message.SenderId"/> left the thread.</summary>
    Left = 2,

    /// <summary>A message a moderator removed: its text is gone, and participants see "removed by a moderator" in its place.</summary>
    Removed = 3,

    /// <summary>A message its sender deleted: its text is gone, and participants see "message deleted" in its place.</summary>
    Deleted = 4,
}
