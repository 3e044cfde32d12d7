using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>One page of a thread's messages, oldest first, as one participant sees it.</summary>
/// <param name="ThreadId">The thread.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="IsUnread">Whether it was unread for the user before this page was read.</param>
/// <param name="State">Where the thread is for the user: inbox, archive or trash.</param>
/// <param name="Participants">Everyone in the thread, the user included (not those who left).</param>
/// <param name="Messages">The messages of this page, oldest first.</param>
/// <param name="FirstUnreadMessageId">The first message on this page the user has not read yet, if any.</param>
/// <param name="OlderCursor">Pass as <see cref="PageRequest.Before"/> for older messages; <see langword="null"/> when there are none.</param>
/// <param name="NewerCursor">Pass as <see cref="PageRequest.After"/> for newer messages; <see langword="null"/> when this is the newest page.</param>
public sealed record ThreadPage(
    long ThreadId,
    string Subject,
    bool IsUnread,
    Domain.ParticipantState State,
    IReadOnlyList<MessagingUser> Participants,
    IReadOnlyList<MessageItem> Messages,
    long? FirstUnreadMessageId,
    string? OlderCursor,
    string? NewerCursor)
{
    /// <summary>The user's replies in this thread that await a moderator's review (only read when filters are registered).</summary>
    public IReadOnlyList<AwaitingReview> AwaitingReview { get; init; } = [];

    /// <summary>Whether the user muted the thread: it counts in no unread badge and sends no e-mail.</summary>
    public bool IsMuted { get; init; }

    /// <summary>Whether the reader shares read receipts, and so sees the others' (<see cref="MessageItem.SeenBy"/>).</summary>
    public bool ShowsReadReceipts { get; init; } = true;

    /// <summary>What the conversation is about, when it was started about something; else <see langword="null"/>.</summary>
    public About.AboutReference? About { get; init; }

    /// <summary>The card of <see cref="About"/> as the host's resolver gives it to the reader, or <see langword="null"/>.</summary>
    public About.AboutCard? AboutCard { get; init; }

    /// <summary>The reader's unread count before this page was read, when the store read it with the page; the thread page hands it to the unread badge.</summary>
    internal int? UnreadCount { get; init; }

    /// <summary>The reader's message requests, when the store read them with the page.</summary>
    internal int? RequestCount { get; init; }
}
