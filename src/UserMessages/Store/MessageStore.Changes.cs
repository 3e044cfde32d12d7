using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>A sender's edit or deletion of their own message: claimed by one conditional update, so two changes never both pass the checks.</summary>
internal partial class MessageStore
{
    public async Task<MessageChangeOutcome> EditMessageAsync(string userId, long threadId, long messageId, MessageText text, DateTime since, DateTime now, CancellationToken cancellationToken)
        => await Versions.TouchedAsync(threadId, o => o == MessageChangeOutcome.Changed, await InTransactionAsync(async () =>
        {
            // The claim takes the row's lock first, so the text read next is the latest committed one and no version is lost.
            if (await Claimable(userId, threadId, messageId, since).ExecuteUpdateAsync(s => s.SetProperty(m => m.EditedAt, now), cancellationToken) == 0)
            {
                return await WhyNotAsync(userId, threadId, messageId, cancellationToken);
            }

            var old = await Db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(m => new { m.Content, m.ContentHtml }).SingleAsync(cancellationToken);
            Db.Edits.Add(new MessageEdit { MessageId = messageId, Content = old.Content, ContentHtml = old.ContentHtml, ReplacedAt = now });
            await Context.SaveChangesAsync(cancellationToken);
            await Db.Messages.Where(m => m.Id == messageId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Content, text.Content).SetProperty(m => m.ContentHtml, text.Html), cancellationToken);
            return MessageChangeOutcome.Changed;
        }, cancellationToken), cancellationToken);

    public async Task<(MessageChangeOutcome Outcome, List<string> RemovedFiles)> DeleteMessageAsync(
        string userId, long threadId, long messageId, DateTime since, DateTime now, CancellationToken cancellationToken)
    {
        var deletion = await InTransactionAsync<(MessageChangeOutcome Outcome, List<string> RemovedFiles)>(async () =>
        {
            var deleted = MessageKind.Deleted;
            var claimed = await Claimable(userId, threadId, messageId, since).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Kind, deleted).SetProperty(m => m.Content, string.Empty).SetProperty(m => m.ContentHtml, (string?)null).SetProperty(m => m.EditedAt, now),
                cancellationToken);
            if (claimed == 0)
            {
                return (await WhyNotAsync(userId, threadId, messageId, cancellationToken), []);
            }

            // Its earlier texts and its files go with it, and an e-mail not yet sent about it is not sent.
            await Db.Edits.Where(e => e.MessageId == messageId).ExecuteDeleteAsync(cancellationToken);
            await Db.PendingNotifications.Where(n => n.MessageId == messageId).ExecuteDeleteAsync(cancellationToken);
            return (MessageChangeOutcome.Changed, await DeleteAttachmentsOfAsync(messageId, cancellationToken));
        }, cancellationToken);
        await Versions.TouchedAsync(threadId, o => o == MessageChangeOutcome.Changed, deletion.Outcome, cancellationToken);
        return deletion;
    }

    public async Task<MessageVersionsRow?> ReadMessageVersionsAsync(string userId, long threadId, long messageId, CancellationToken cancellationToken)
    {
        var reader = Db.Participants.Reader(userId, threadId);
        var message = await Db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.ThreadId == threadId && reader.Any())
            .Select(m => new MessageVersionsRow(m.SenderId, m.SentAt, m.Kind, m.Content, m.ContentHtml, m.EditedAt, new List<MessageEdit>()))
            .FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return null;
        }

        message.Earlier.AddRange(await Db.Edits.AsNoTracking().Where(e => e.MessageId == messageId).OrderByDescending(e => e.ReplacedAt).ThenByDescending(e => e.Id).ToListAsync(cancellationToken));
        return message;
    }

    public Task<List<string>> ReadWhoMaySeeAsync(long threadId, CancellationToken cancellationToken)
        => Db.Participants.AsNoTracking().Where(p => p.ThreadId == threadId).WhoMaySee().Select(p => p.UserId).ToListAsync(cancellationToken);

    /// <summary>The message, while it is its sender's written message, sent since <paramref name="since"/>, in a thread they may see.</summary>
    private IQueryable<Message> Claimable(string userId, long threadId, long messageId, DateTime since)
    {
        var (text, reader) = (MessageKind.Text, Db.Participants.Reader(userId, threadId));
        return Db.Messages.Where(m => m.Id == messageId && m.ThreadId == threadId && m.SenderId == userId && m.Kind == text && m.SentAt >= since && reader.Any());
    }

    /// <summary>Why a change was refused, read after the claim found nothing.</summary>
    private async Task<MessageChangeOutcome> WhyNotAsync(string userId, long threadId, long messageId, CancellationToken cancellationToken)
    {
        var reader = Db.Participants.Reader(userId, threadId);
        var message = await Db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.ThreadId == threadId && reader.Any())
            .Select(m => new { m.SenderId, m.Kind })
            .FirstOrDefaultAsync(cancellationToken);
        return message switch
        {
            null => MessageChangeOutcome.NotFound,
            { Kind: MessageKind.Deleted or MessageKind.Removed } => MessageChangeOutcome.Gone,
            _ when message.SenderId != userId || message.Kind != MessageKind.Text => MessageChangeOutcome.NotOwn,
            _ => MessageChangeOutcome.TooLate,
        };
    }
}
