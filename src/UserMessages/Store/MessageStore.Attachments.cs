using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>Attachments: uploads waiting for their message, linked when it is written, read for the thread page and for download.</summary>
internal partial class MessageStore
{
    public async Task AddAttachmentsAsync(IReadOnlyList<MessageAttachment> uploads, CancellationToken cancellationToken)
    {
        Db.Attachments.AddRange(uploads);
        await Context.SaveChangesAsync(cancellationToken);
    }

    public Task<int> CountUnsentAttachmentsAsync(string userId, CancellationToken cancellationToken)
        => Db.Attachments.CountAsync(a => a.UploaderId == userId && a.MessageId == null, cancellationToken);

    public Task<List<MessageAttachment>> ReadUnsentAttachmentsAsync(string userId, IReadOnlyList<long> ids, CancellationToken cancellationToken)
        => Db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id) && a.UploaderId == userId && a.MessageId == null).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task<MessageAttachment?> ReadAttachmentAsync(string userId, long attachmentId, CancellationToken cancellationToken)
    {
        var (text, visible) = (MessageKind.Text, Db.Participants.WhoMaySee().Where(p => p.UserId == userId));
        return await (
                from a in Db.Attachments.AsNoTracking()
                join m in Db.Messages on a.MessageId equals m.Id
                where a.Id == attachmentId && m.Kind == text && visible.Any(p => p.ThreadId == m.ThreadId)
                select a)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The attachments of a page's messages, in upload order (only read when the page has messages).</summary>
    protected Task<List<MessageAttachment>> ReadAttachmentsOfAsync(IReadOnlyList<long> messageIds, CancellationToken cancellationToken)
        => messageIds.Count == 0
            ? Task.FromResult(new List<MessageAttachment>())
            : Db.Attachments.AsNoTracking().Where(a => a.MessageId != null && messageIds.Contains(a.MessageId.Value)).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task HoldAttachmentsAsync(string senderId, long heldMessageId, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken)
    {
        if (attachmentIds.Count > 0)
        {
            await Db.Attachments.Where(a => attachmentIds.Contains(a.Id) && a.UploaderId == senderId && a.MessageId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.HeldMessageId, heldMessageId), cancellationToken);
        }
    }

    /// <summary>
    /// Gives the sender's waiting uploads to their new message, inside its write's transaction (nothing read when there are none);
    /// when another message took one meanwhile, throws <see cref="AttachmentsTakenException"/>, which undoes the write.
    /// </summary>
    private async Task LinkAttachmentsAsync(string senderId, long messageId, IReadOnlyList<long> attachmentIds, CancellationToken cancellationToken)
    {
        if (attachmentIds.Count > 0
            && await Db.Attachments.Where(a => attachmentIds.Contains(a.Id) && a.UploaderId == senderId && a.MessageId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.MessageId, messageId).SetProperty(a => a.HeldMessageId, (long?)null), cancellationToken) != attachmentIds.Count)
        {
            throw new AttachmentsTakenException();
        }
    }

    /// <summary>Deletes the attachments of a message and returns their files' keys, for the caller to delete once the change is saved.</summary>
    private async Task<List<string>> DeleteAttachmentsOfAsync(long messageId, CancellationToken cancellationToken)
    {
        var keys = await Db.Attachments.Where(a => a.MessageId == messageId).Select(a => a.StorageKey).ToListAsync(cancellationToken);
        if (keys.Count > 0)
        {
            await Db.Attachments.Where(a => a.MessageId == messageId).ExecuteDeleteAsync(cancellationToken);
        }

        return keys;
    }
}

/// <summary>An upload a message was to carry was taken by another message in the meantime; the message's write is undone.</summary>
internal sealed class AttachmentsTakenException() : InvalidOperationException("An upload the message names was sent with another message meanwhile.");
