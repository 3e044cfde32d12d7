using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.Notifications;
using UserMessages.Storage;
using UserMessages.Storage.Configurations;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>
/// Sending (new threads and replies) of <see cref="IUserMessagesService"/>: each write is one
/// transaction, participant state is updated set-based, events and notifications follow the commit.
/// </summary>
internal sealed partial class UserMessagesService(
    UserMessagesDb db,
    IUserDirectory directory,
    RecipientGate recipientGate,
    SendingLimits limits,
    MessageInputValidator validator,
    UserMessagesErrorDescriber describer,
    MessageSentDispatcher dispatcher,
    NotificationOutbox outbox,
    FormerMember formerMember,
    IOptions<UserMessagesOptions> options,
    TimeProvider clock) : IUserMessagesService
{
    public async Task<MessagingResult<SentMessage>> StartThreadAsync(NewThreadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.SenderId);
        var errors = new List<MessagingError>();
        validator.CheckSubject(request.Subject, errors);
        validator.CheckContent(request.Content, errors);
        var recipients = validator.CheckRecipients(request.SenderId, request.RecipientIds ?? [], errors);
        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        // On SQLite and PostgreSQL the blocks and limits are read in one command, and the write is two (SendingStatements).
        // One open of the connection serves the checks, the write and the handlers' reads.
        await using var connection = await db.OpenAsync(cancellationToken);
        var now = Now();
        var quota = options.Value.Limits;
        var statements = SendingStatements.For(db.Context);
        var checks = statements is null ? null : await statements.ReadThreadChecksAsync(
            db.Context, request.SenderId, recipients, SendingLimits.DayAgo(now), quota.MessagesPerMinute, quota.MessagesPerDay, quota.NewThreadsPerDay, cancellationToken);
        await CheckRecipientsAcceptAsync(request.SenderId, recipients, errors, checks?.Blockers, cancellationToken);
        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        var limited = checks is null
            ? await limits.CheckAsync(request.SenderId, startsThread: true, now, cancellationToken)
            : limits.ForNewThread(checks.MinuteLimitth, checks.DayLimitth, checks.ThreadLimitth, now);
        if (limited is not null)
        {
            return MessagingResult<SentMessage>.From(limited);
        }

        var subject = request.Subject.Trim();
        var content = MessageInputValidator.NormalizeContent(request.Content);
        var sent = await InTransactionAsync(
            async () =>
            {
                if (statements is null)
                {
                    return await WriteThreadAsync(request.SenderId, recipients, subject, content, now, cancellationToken);
                }

                // Counters in user order, as everywhere (two writers never wait on each other's rows crosswise).
                var (threadId, messageId) = await statements.WriteThreadAsync(
                    db.Context, request.SenderId, [.. recipients.Order(StringComparer.Ordinal)], subject, content, now, outbox.TimesFor(now), cancellationToken);
                return new SentMessage(threadId, messageId);
            },
            cancellationToken);

        await dispatcher.DispatchAsync(
            new MessageSent(sent.ThreadId, sent.MessageId, subject, request.SenderId, recipients, content, now, IsReply: false),
            cancellationToken);
        return MessagingResult<SentMessage>.Success(sent);
    }

    /// <summary>A new thread's write through EF Core's change tracker, where <see cref="SendingStatements"/> does not apply.</summary>
    private async Task<SentMessage> WriteThreadAsync(string senderId, List<string> recipients, string subject, string content, DateTime now, CancellationToken cancellationToken)
    {
        var thread = new MessageThread { Subject = subject, CreatedAt = now, CreatedById = senderId, LatestMessageAt = now };
        var message = new Message { Thread = thread, SenderId = senderId, SentAt = now, Content = content };
        var sender = NewParticipant(thread, senderId, now, unread: false);
        sender.HasSent = true;
        db.Threads.Add(thread);
        db.Messages.Add(message);
        db.Participants.Add(sender);
        foreach (var recipient in recipients.Select(id => NewParticipant(thread, id, now, unread: true)))
        {
            db.Participants.Add(recipient).Property<bool>(ThreadParticipantConfiguration.CountedUnread).CurrentValue = true;
        }

        await db.Context.SaveChangesAsync(cancellationToken);

        // The message id exists only now; the sender has read their own message.
        thread.LatestMessageId = message.Id;
        sender.LastReadMessageId = message.Id;
        await db.Context.SaveChangesAsync(cancellationToken);
        await AddToCountersAsync(recipients.Select(id => (id, 1)).ToList(), cancellationToken);
        await outbox.EnqueueAsync(recipients, thread.Id, message.Id, now, cancellationToken);
        return new SentMessage(thread.Id, message.Id);
    }

    public async Task<MessagingResult<SentMessage>> ReplyAsync(string userId, long threadId, string content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = Now();
        var quota = options.Value.Limits;

        // On SQLite and PostgreSQL the checks' reads are one command, and the write two (SendingStatements).
        // One open of the connection serves the checks, the write and the handlers' reads.
        await using var connection = await db.OpenAsync(cancellationToken);
        var statement = SendingStatements.For(db.Context);
        var checks = statement is null
            ? await ReadReplyChecksAsync(threadId, cancellationToken)
            : await statement.ReadReplyChecksAsync(db.Context, userId, threadId, SendingLimits.DayAgo(now), quota.MessagesPerMinute, quota.MessagesPerDay, cancellationToken);
        if (!checks.Participants.Contains(userId, StringComparer.Ordinal))
        {
            return MessagingResult<SentMessage>.NotFound();
        }

        var errors = new List<MessagingError>();
        validator.CheckContent(content, errors);
        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        // Someone blocked by everyone else in the thread cannot write in it.
        var recipients = checks.Participants.Where(id => id != userId).ToList();
        var refusing = statement is null
            ? await recipientGate.FindRefusingAsync(userId, recipients, cancellationToken)
            : await recipientGate.AddPolicyRefusalsAsync(userId, recipients, checks.Blockers, cancellationToken);
        if (recipients.Count > 0 && refusing.Count == recipients.Count)
        {
            return MessagingResult<SentMessage>.Invalid([describer.ConversationUnavailable()]);
        }

        var limited = statement is null
            ? await limits.CheckAsync(userId, startsThread: false, now, cancellationToken)
            : limits.ForReply(checks.MinuteLimitth, checks.DayLimitth, now);
        if (limited is not null)
        {
            return MessagingResult<SentMessage>.From(limited);
        }

        // Nobody is notified of a message from someone they blocked.
        var text = MessageInputValidator.NormalizeContent(content);
        var (messageId, sentAt) = await InTransactionAsync(
            () => statement is null
                ? WriteReplyAsync(userId, threadId, now, text, recipients.Where(r => !refusing.Contains(r)).ToList(), cancellationToken)
                : statement.WriteReplyAsync(db.Context, userId, threadId, now, text, outbox.TimesFor(now), [.. refusing], cancellationToken),
            cancellationToken);

        await dispatcher.DispatchAsync(
            new MessageSent(threadId, messageId, checks.Subject!, userId, recipients, text, sentAt, IsReply: true),
            cancellationToken);
        return MessagingResult<SentMessage>.Success(new SentMessage(threadId, messageId));
    }

    /// <summary>The people in a thread and its subject, where <see cref="SendingStatements"/> does not apply (no blocks or limits read yet).</summary>
    private async Task<SendingStatements.ReplyChecks> ReadReplyChecksAsync(long threadId, CancellationToken cancellationToken)
    {
        var left = ParticipantState.Left;
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.State != left)
            .Select(p => new { p.UserId, p.Thread!.Subject })
            .ToListAsync(cancellationToken);
        return new SendingStatements.ReplyChecks([.. participants.Select(p => p.UserId)], participants.FirstOrDefault()?.Subject, [], null, null);
    }

    /// <summary>The reply's write as LINQ and EF Core updates, where <see cref="SendingStatements"/> does not apply; returns the message's id and time.</summary>
    private async Task<(long Id, DateTime SentAt)> WriteReplyAsync(string userId, long threadId, DateTime clockNow, string text, List<string> notified, CancellationToken cancellationToken)
    {
        var now = await MessageOrder.StampAsync(db, threadId, clockNow, cancellationToken);
        var id = await AppendAsync(new Message { ThreadId = threadId, SenderId = userId, SentAt = now, Content = text }, cancellationToken);

        // Everyone else gets it unread and back in the inbox (from archive or trash); the replier has read it.
        var (active, left) = (ParticipantState.Active, ParticipantState.Left);
        await db.Participants.Where(p => p.ThreadId == threadId && p.State != left).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.IsUnread, p => p.UserId != userId)
                .SetProperty(p => p.StateChangedAt, p => p.State == active ? p.StateChangedAt : now)
                .SetProperty(p => p.State, active)
                .SetProperty(p => p.HasSent, p => p.HasSent || p.UserId == userId)
                .SetProperty(p => p.LastReadMessageId, p => p.UserId == userId ? id : p.LastReadMessageId)
                .SetProperty(p => p.LatestMessageAt, p => p.LatestMessageAt <= now ? now : p.LatestMessageAt),
            cancellationToken);
        await CountUnreadChangesAsync(db.Participants.Where(p => p.ThreadId == threadId), cancellationToken);
        await outbox.EnqueueAsync(notified, threadId, id, now, cancellationToken);
        return (id, now);
    }

    /// <summary>Adds a written message and moves the thread's latest message forward (never back: concurrent replies may commit out of order).</summary>
    private async Task<long> AppendAsync(Message message, CancellationToken cancellationToken)
    {
        db.Messages.Add(message);
        await db.Context.SaveChangesAsync(cancellationToken);
        var id = message.Id;
        var now = message.SentAt;
        var stamp = Guid.NewGuid().ToString();
        await db.Threads.Where(t => t.Id == message.ThreadId).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.LatestMessageId, t => t.LatestMessageAt <= now ? id : t.LatestMessageId)
                .SetProperty(t => t.LatestMessageAt, t => t.LatestMessageAt <= now ? now : t.LatestMessageAt)
                .SetProperty(t => t.ConcurrencyStamp, stamp),
            cancellationToken);
        return id;
    }

    private static ThreadParticipant NewParticipant(MessageThread thread, string userId, DateTime now, bool unread) => new()
    {
        Thread = thread,
        UserId = userId,
        IsUnread = unread,
        LatestMessageAt = thread.LatestMessageAt,
        JoinedAt = now,
        StateChangedAt = now,
    };

    /// <summary>
    /// Unknown users and users who refuse the sender get the same error (SPEC §3.7); so does an id
    /// with the control character the folder pages join ids with (<see cref="CompiledReads.IdSeparator"/>).
    /// Those of the recipients who blocked the sender are read here unless <paramref name="blockers"/> already holds them.
    /// </summary>
    private async Task CheckRecipientsAcceptAsync(
        string senderId, List<string> recipients, List<MessagingError> errors, HashSet<string>? blockers, CancellationToken cancellationToken)
    {
        var known = await directory.FindByIdsAsync(recipients, cancellationToken);
        var knownRecipients = recipients.Where(known.ContainsKey).ToList();
        var refusing = blockers is null
            ? await recipientGate.FindRefusingAsync(senderId, knownRecipients, cancellationToken)
            : await recipientGate.AddPolicyRefusalsAsync(senderId, knownRecipients, [.. blockers.Where(known.ContainsKey)], cancellationToken);
        errors.AddRange(recipients
            .Where(id => !known.ContainsKey(id) || refusing.Contains(id) || id.Contains(CompiledReads.IdSeparator, StringComparison.Ordinal))
            .Select(describer.RecipientUnavailable));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (joining the caller's, if any), retried as the
    /// provider's execution strategy says; on SQLite, after this process's other writers (<see cref="SqliteWriteQueue"/>).
    /// </summary>
    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var database = db.Context.Database;
        if (database.CurrentTransaction is not null)
        {
            return work();
        }

        return database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // A retried attempt starts from scratch; the host's own tracked entities are left alone.
            DetachMessagingEntities();
            using var turn = await SqliteWriteQueue.WaitAsync(database, ct);
            await using var transaction = await database.BeginTransactionAsync(ct);
            var result = await work();
            await transaction.CommitAsync(ct);
            DetachMessagingEntities();
            return result;
        }, cancellationToken);
    }

    private void DetachMessagingEntities()
    {
        foreach (var entry in db.Context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is MessageThread or Message or ThreadParticipant or UserBlock or MessagingPreferences or PendingNotification or MailboxCounter)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>Whole microseconds, the finest time every supported database keeps, so cursors round-trip.</summary>
    private DateTime Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }
}
