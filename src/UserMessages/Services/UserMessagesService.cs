using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Events;
using UserMessages.Storage;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>The writes of <see cref="IUserMessagesService"/>: each one transaction, participant state set-based.</summary>
internal sealed partial class UserMessagesService(
    UserMessagesDb db,
    IUserDirectory directory,
    IRecipientPolicy recipientPolicy,
    MessageInputValidator validator,
    UserMessagesErrorDescriber describer,
    MessageSentDispatcher dispatcher,
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
        if (errors.Count == 0)
        {
            await CheckRecipientsAcceptAsync(request.SenderId, recipients, errors, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        var subject = request.Subject.Trim();
        var content = MessageInputValidator.NormalizeContent(request.Content);
        var now = Now();
        var sent = await InTransactionAsync(async () =>
        {
            var thread = new MessageThread { Subject = subject, CreatedAt = now, LatestMessageAt = now };
            var message = new Message { Thread = thread, SenderId = request.SenderId, SentAt = now, Content = content };
            var sender = new ThreadParticipant { Thread = thread, UserId = request.SenderId, HasSent = true, LatestMessageAt = now, JoinedAt = now };
            db.Threads.Add(thread);
            db.Messages.Add(message);
            db.Participants.Add(sender);
            db.Participants.AddRange(recipients.Select(id => new ThreadParticipant
            {
                Thread = thread, UserId = id, IsUnread = true, LatestMessageAt = now, JoinedAt = now,
            }));
            await db.Context.SaveChangesAsync(cancellationToken);

            // The message id exists only now; the sender has read their own message.
            thread.LatestMessageId = message.Id;
            sender.LastReadMessageId = message.Id;
            await db.Context.SaveChangesAsync(cancellationToken);
            return new SentMessage(thread.Id, message.Id);
        }, cancellationToken);

        await dispatcher.DispatchAsync(
            new MessageSent(sent.ThreadId, sent.MessageId, subject, request.SenderId, recipients, content, now, IsReply: false),
            cancellationToken);
        return MessagingResult<SentMessage>.Success(sent);
    }

    public async Task<MessagingResult<SentMessage>> ReplyAsync(string userId, long threadId, string content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.ThreadId == threadId)
            .Select(p => new { p.UserId, p.Thread!.Subject })
            .ToListAsync(cancellationToken);
        if (!participants.Any(p => p.UserId == userId))
        {
            return MessagingResult<SentMessage>.NotFound();
        }

        var errors = new List<MessagingError>();
        validator.CheckContent(content, errors);
        if (errors.Count > 0)
        {
            return MessagingResult<SentMessage>.Invalid(errors);
        }

        var text = MessageInputValidator.NormalizeContent(content);
        var now = Now();
        var messageId = await InTransactionAsync(async () =>
        {
            var message = new Message { ThreadId = threadId, SenderId = userId, SentAt = now, Content = text };
            db.Messages.Add(message);
            await db.Context.SaveChangesAsync(cancellationToken);
            var id = message.Id;
            var stamp = Guid.NewGuid().ToString();

            // Concurrent replies may commit out of order: the latest message only moves forward.
            await db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(
                s => s.SetProperty(t => t.LatestMessageId, t => t.LatestMessageAt <= now ? id : t.LatestMessageId)
                    .SetProperty(t => t.LatestMessageAt, t => t.LatestMessageAt <= now ? now : t.LatestMessageAt)
                    .SetProperty(t => t.ConcurrencyStamp, stamp),
                cancellationToken);

            // Everyone else gets it unread and back from the trash; the replier has read it.
            await db.Participants.Where(p => p.ThreadId == threadId).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.IsUnread, p => p.UserId != userId)
                    .SetProperty(p => p.IsDeleted, false)
                    .SetProperty(p => p.HasSent, p => p.HasSent || p.UserId == userId)
                    .SetProperty(p => p.LastReadMessageId, p => p.UserId == userId ? id : p.LastReadMessageId)
                    .SetProperty(p => p.LatestMessageAt, p => p.LatestMessageAt <= now ? now : p.LatestMessageAt),
                cancellationToken);
            return id;
        }, cancellationToken);

        var recipients = participants.Where(p => p.UserId != userId).Select(p => p.UserId).ToList();
        await dispatcher.DispatchAsync(
            new MessageSent(threadId, messageId, participants[0].Subject, userId, recipients, text, now, IsReply: true),
            cancellationToken);
        return MessagingResult<SentMessage>.Success(new SentMessage(threadId, messageId));
    }

    public Task<MessagingResult> DeleteThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
        => SetDeletedAsync(userId, threadId, deleted: true, cancellationToken);

    public Task<MessagingResult> RestoreThreadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
        => SetDeletedAsync(userId, threadId, deleted: false, cancellationToken);

    public async Task<MessagingResult> MarkReadAsync(string userId, long threadId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var changed = await db.Participants.Where(p => p.ThreadId == threadId && p.UserId == userId).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.IsUnread, false)
                .SetProperty(p => p.LastReadMessageId, p => db.Threads.Where(t => t.Id == p.ThreadId).Select(t => (long?)t.LatestMessageId).FirstOrDefault()),
            cancellationToken);
        return changed == 0 ? MessagingResult.NotFound : MessagingResult.Success;
    }

    private async Task<MessagingResult> SetDeletedAsync(string userId, long threadId, bool deleted, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var changed = await db.Participants.Where(p => p.ThreadId == threadId && p.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsDeleted, deleted), cancellationToken);
        return changed == 0 ? MessagingResult.NotFound : MessagingResult.Success;
    }

    private async Task CheckRecipientsAcceptAsync(string senderId, List<string> recipients, List<MessagingError> errors, CancellationToken cancellationToken)
    {
        var known = await directory.FindByIdsAsync(recipients, cancellationToken);
        foreach (var id in recipients)
        {
            if (!known.ContainsKey(id) || !await recipientPolicy.AcceptsMessagesAsync(senderId, id, cancellationToken))
            {
                errors.Add(describer.RecipientUnavailable(id));
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (joining the caller's, if any), retried as the provider's execution strategy says.</summary>
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
            if (entry.Entity is MessageThread or Message or ThreadParticipant)
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
