using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>One row of a folder: a thread as its list shows it.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="IsUnread">Whether it has messages the user has not read.</param>
/// <param name="LatestMessageAt">When its latest message was sent (UTC).</param>
/// <param name="LatestSender">Who wrote the latest message.</param>
/// <param name="Excerpt">The beginning of the latest message.</param>
/// <param name="OtherParticipants">Everyone in the thread but the user (and but those who left).</param>
/// <param name="State">Where the thread is for the user (search results come from every folder).</param>
public sealed record ThreadSummary(
    long ThreadId,
    string Subject,
    bool IsUnread,
    DateTime LatestMessageAt,
    MessagingUser LatestSender,
    string Excerpt,
    IReadOnlyList<MessagingUser> OtherParticipants,
    Domain.ParticipantState State)
{
    /// <summary>Whether the user muted it: it counts in no unread badge and sends no e-mail.</summary>
    public bool IsMuted { get; init; }

    /// <summary>What the conversation is about, when it was started about something; else <see langword="null"/>.</summary>
    public About.AboutReference? About { get; init; }

    /// <summary>The card of <see cref="About"/> as the host's resolver gives it to the reader, or <see langword="null"/>.</summary>
    public About.AboutCard? AboutCard { get; init; }
}
