using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>
/// Everything the messaging service reads and writes in the host's database, for one scope. Each
/// write is one transaction. <see cref="MessageStore"/> serves any EF Core provider;
/// <see cref="SqlMessageStore"/> answers the hot operations with SQL of its own on SQLite and PostgreSQL.
/// </summary>
internal interface IMessageStore
{
    /// <summary>Keeps the connection open for the several reads of one operation, until the result is disposed.</summary>
    Task<OpenConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> of a user's rows in <paramref name="folder"/>, with their unread count when the read brings it.</summary>
    Task<FolderRows> ReadFolderAsync(string userId, MailboxFolder folder, KeysetPage page, int take, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> of a user's threads whose subject or a written message contains <paramref name="text"/>.</summary>
    Task<List<ThreadRow>> SearchAsync(string userId, string text, KeysetPage page, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The reader's row of a thread and up to <paramref name="take"/> of its messages, with <paramref name="readHeld"/> their replies
    /// awaiting review too; null when they may not see it.
    /// </summary>
    Task<ThreadRead?> ReadThreadAsync(string userId, long threadId, KeysetPage page, int take, bool readHeld, CancellationToken cancellationToken);

    /// <summary>A user's counter row: the unread threads in their inbox and the version of their pages; null without one.</summary>
    Task<(int Unread, long Version)?> ReadCounterAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Creates a user's counter row (no unread thread) unless they have one.</summary>
    Task EnsureCounterAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The unread threads in a user's inbox (their counter).</summary>
    Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The unread threads in the inbox of each of <paramref name="userIds"/> (distinct).</summary>
    Task<Dictionary<string, int>> CountUnreadAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);

    /// <summary>The message requests waiting in a user's Requests folder.</summary>
    Task<int> CountRequestsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The message requests waiting for each of <paramref name="userIds"/> (distinct).</summary>
    Task<Dictionary<string, int>> CountRequestsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken);

    /// <summary>Recomputes every counter from the participant rows.</summary>
    Task RebuildUnreadCountersAsync(CancellationToken cancellationToken);

    /// <summary>Reads what a new thread from <paramref name="senderId"/> to <paramref name="recipients"/> is checked against; with <paramref name="readAcquainted"/>, who has exchanged messages with the sender.</summary>
    Task<NewThreadChecks> ReadNewThreadChecksAsync(string senderId, IReadOnlyList<string> recipients, SendingQuota quota, bool readAcquainted, CancellationToken cancellationToken);

    /// <summary>Reads what a reply of <paramref name="userId"/> in <paramref name="threadId"/> is checked against.</summary>
    Task<ReplyChecks> ReadReplyChecksAsync(string userId, long threadId, SendingQuota quota, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new thread about <paramref name="about"/> and its first message, unread for the recipients (in Requests for
    /// <paramref name="requested"/>), with the counters and queued notifications; returns the thread's and the message's ids.
    /// </summary>
    Task<(long ThreadId, long MessageId)> WriteThreadAsync(
        string senderId, IReadOnlyList<string> recipients, IReadOnlySet<string> requested, string subject, string? about, MessageText text, DateTime now, NotificationTimes? notify, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a reply, timed no earlier than the thread's latest message: everyone else's row unread
    /// and back in the inbox, the replier's read, the counters, and with <paramref name="notify"/> a
    /// notification queued for everyone else but <paramref name="refusing"/>. Returns the message's id and time.
    /// </summary>
    Task<(long Id, DateTime SentAt)> WriteReplyAsync(
        string userId, long threadId, MessageText text, DateTime now, NotificationTimes? notify, IReadOnlyList<string> refusing, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the text of <paramref name="userId"/>'s own message sent since <paramref name="since"/>, keeping the
    /// text it had as an earlier version; with the outcome saying why not.
    /// </summary>
    Task<MessageChangeOutcome> EditMessageAsync(string userId, long threadId, long messageId, MessageText text, DateTime since, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes <paramref name="userId"/>'s own message sent since <paramref name="since"/>: its text, earlier versions, attachments
    /// and unsent e-mail go, a placeholder stays; returns the attachments' file keys, to delete once saved.
    /// </summary>
    Task<(MessageChangeOutcome Outcome, List<string> RemovedFiles)> DeleteMessageAsync(string userId, long threadId, long messageId, DateTime since, DateTime now, CancellationToken cancellationToken);

    /// <summary>A message and its earlier versions, or <see langword="null"/> unless <paramref name="userId"/> may see its thread.</summary>
    Task<MessageVersionsRow?> ReadMessageVersionsAsync(string userId, long threadId, long messageId, CancellationToken cancellationToken);

    /// <summary>Adds uploads waiting for their message.</summary>
    Task AddAttachmentsAsync(IReadOnlyList<MessageAttachment> uploads, CancellationToken cancellationToken);

    /// <summary>How many of a user's uploads wait for their message.</summary>
    Task<int> CountUnsentAttachmentsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="ids"/> that are <paramref name="userId"/>'s uploads still waiting for their message.</summary>
    Task<List<MessageAttachment>> ReadUnsentAttachmentsAsync(string userId, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>An attachment of a written message in a thread <paramref name="userId"/> may see, else <see langword="null"/>.</summary>
    Task<MessageAttachment?> ReadAttachmentAsync(string userId, long attachmentId, CancellationToken cancellationToken);

    /// <summary>Keeps the sender's uploads with their held message until a moderator decides (the clean-up leaves them).</summary>
    Task HoldAttachmentsAsync(string senderId, long heldMessageId, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken);

    /// <summary>Everyone who may see a thread.</summary>
    Task<List<string>> ReadWhoMaySeeAsync(long threadId, CancellationToken cancellationToken);

    /// <summary>Mutes or unmutes threads for a user (their badge counts it again, or no more); false (and nothing changed) unless they may see every one.</summary>
    Task<bool> SetMutedAsync(string userId, IReadOnlyList<long> threadIds, bool muted, CancellationToken cancellationToken);

    /// <summary>Marks threads read for a user; false (and nothing changed) unless they may see every one.</summary>
    Task<bool> MarkReadAsync(string userId, IReadOnlyList<long> threadIds, CancellationToken cancellationToken);

    /// <summary>Marks threads unread for a user; false (and nothing changed) unless they may see every one.</summary>
    Task<bool> MarkUnreadAsync(string userId, IReadOnlyList<long> threadIds, CancellationToken cancellationToken);

    /// <summary>Moves a user's threads to another folder (state); false (and nothing changed) unless they may see every one.</summary>
    Task<bool> MoveAsync(string userId, IReadOnlyList<long> threadIds, ParticipantState state, DateTime now, CancellationToken cancellationToken);

    /// <summary>Moves a user's message requests to their inbox; false (and nothing changed) unless every thread is a request of theirs.</summary>
    Task<bool> AcceptRequestsAsync(string userId, IReadOnlyList<long> threadIds, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Declines a user's message requests (gone for them, nobody told), blocking the threads' starters with
    /// <paramref name="blockSenders"/>; false (and nothing changed) unless every thread is a request of theirs.
    /// </summary>
    Task<bool> DeclineRequestsAsync(string userId, IReadOnlyList<long> threadIds, bool blockSenders, DateTime now, CancellationToken cancellationToken);

    /// <summary>Takes a user out of a thread, with a line saying so; false when they were not in it.</summary>
    Task<bool> LeaveAsync(string userId, long threadId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Every participant row of a thread, those who left too.</summary>
    Task<List<ParticipantRow>> ReadParticipantsAsync(long threadId, CancellationToken cancellationToken);

    /// <summary>The blocks between <paramref name="userId"/> and <paramref name="others"/>, and those of <paramref name="present"/> against <paramref name="added"/>.</summary>
    Task<List<BlockRow>> ReadBlocksForAddingAsync(
        string userId, IReadOnlyCollection<string> others, IReadOnlyCollection<string> present, IReadOnlyCollection<string> added, CancellationToken cancellationToken);

    /// <summary>Brings people into a thread (back, for those in <paramref name="returning"/>), with a line for each saying who added them.</summary>
    Task AddParticipantsAsync(
        string userId, long threadId, IReadOnlyList<string> added, IReadOnlyList<string> returning, DateTime threadLatestMessageAt, DateTime now, CancellationToken cancellationToken);

    /// <summary>Those who blocked <paramref name="userId"/>.</summary>
    Task<List<string>> ReadBlockersOfAsync(string userId, CancellationToken cancellationToken);

    /// <summary>A user's messaging settings, or null when they never saved any.</summary>
    Task<MessagingPreferences?> ReadPreferencesAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Saves a user's messaging settings; turning notifications off drops the ones queued for them.</summary>
    Task SavePreferencesAsync(MessagingPreferences preferences, CancellationToken cancellationToken);

    /// <summary>
    /// The people who may see a thread with how far each has read and whether they share it, in one statement;
    /// null when <paramref name="userId"/> may not see the thread.
    /// </summary>
    Task<List<ParticipantMark>?> ReadMarksAsync(string userId, long threadId, CancellationToken cancellationToken);

    /// <summary>
    /// What an open page compares with what it shows to find events it missed: when the newest thread in the user's inbox
    /// moved last, and the newest message of <paramref name="threadId"/> (null unless the user may see that thread).
    /// </summary>
    Task<LiveState> ReadLiveStateAsync(string userId, long threadId, CancellationToken cancellationToken);

    /// <summary>A user's threads with the messages they wrote, in the order they joined them.</summary>
    Task<List<ExportedThreadRow>> ReadExportAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The reports <paramref name="userId"/> made, oldest first.</summary>
    Task<List<ExportedReportRow>> ReadReportsByAsync(string userId, CancellationToken cancellationToken);

    /// <summary><paramref name="userId"/>'s suspension, in force or ended but not yet lifted, or null.</summary>
    Task<MessagingSuspension?> ReadSuspensionAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The users <paramref name="userId"/> blocked.</summary>
    Task<List<string>> ReadBlockedByAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Stores a message a filter held for review; returns its id.</summary>
    Task<long> HoldAsync(HeldMessage held, CancellationToken cancellationToken);

    /// <summary>The sender's held replies in <paramref name="threadId"/>, or their held new threads when it is null, oldest first.</summary>
    Task<List<HeldMessage>> ReadHeldAsync(string senderId, long? threadId, CancellationToken cancellationToken);

    /// <summary>Every message of the sender's awaiting review, oldest first.</summary>
    Task<List<HeldMessage>> ReadHeldByAsync(string senderId, CancellationToken cancellationToken);

    /// <summary>The different people <paramref name="senderId"/> started threads with since <paramref name="since"/>.</summary>
    Task<List<string>> ReadPeopleStartedWithAsync(string senderId, DateTime since, CancellationToken cancellationToken);

    /// <summary>
    /// Erases a user's messages, rows, blocks, settings and counter, the reports of their messages, their held messages and
    /// suspension and every file they uploaded; their reports stay without their id (as does the moderation log); threads left
    /// empty go too. Returns the file keys of their uploads, to delete once saved.
    /// </summary>
    Task<List<string>> EraseUserAsync(string userId, CancellationToken cancellationToken);
}
