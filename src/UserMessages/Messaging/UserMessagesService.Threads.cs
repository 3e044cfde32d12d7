using UserMessages.Domain;
using UserMessages.Store;

namespace UserMessages.Services;

/// <summary>The thread page: a keyset page of a thread's messages, oldest first, for someone who may see it.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult<ThreadPage>> GetThreadAsync(string userId, long threadId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        if (!TryReadPage(page, out var keyset))
        {
            return MessagingResult<ThreadPage>.Invalid([describer.InvalidCursor()]);
        }

        var size = options.Value.ThreadPageSize;
        await using var connection = await store.OpenAsync(cancellationToken);
        // Only with a filter registered can anything await review.
        if (await store.ReadThreadAsync(userId, threadId, keyset, size + 1, readHeld: filters.Any(), cancellationToken) is not { } read)
        {
            return MessagingResult<ThreadPage>.NotFound();
        }

        var (header, found) = read;

        var hasMore = found.Count > size;
        found = found.Take(size).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToList();

        var users = await directory.FindByIdsAsync(
            header.Participants.Select(p => p.UserId).Concat(found.Select(m => m.SenderId)).Concat(found.Select(m => m.AboutUserId).OfType<string>()).Distinct().ToList(),
            cancellationToken);
        var now = Now();
        // Receipts: only for a reader who shares them, and of those who share them.
        var receipts = header.Participants.Find(p => p.UserId == userId)?.SharesReadReceipts ?? true;
        var seers = receipts ? header.Participants.Where(p => p.SharesReadReceipts && p.UserId != userId && p.LastReadMessageId is not null).ToList() : [];
        var files = read.Attachments.GroupBy(a => a.MessageId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<AttachmentItem>)g.Select(ItemOf).ToList());
        var items = found.Select(m => new MessageItem(
            m.Id, formerMember.Or(users, m.SenderId), m.SentAt, m.Content, m.Kind, m.AboutUserId is null ? null : formerMember.Or(users, m.AboutUserId)) {
            ReportedByReader = m.ReportedByReader,
            ContentHtml = options.Value.Formatting ? m.ContentHtml : null,
            EditedAt = m.Kind == MessageKind.Text ? m.EditedAt : null,
            EditableUntil = EditableUntil(userId, m, now),
            Attachments = files.TryGetValue(m.Id, out var attached) ? attached : [],
            SeenBy = m.Kind == MessageKind.Text
                ? seers.Where(p => p.UserId != m.SenderId && p.LastReadMessageId >= m.Id).Select(p => formerMember.Or(users, p.UserId)).ToList()
                : [],
        }).ToList();
        var firstUnread = header.IsUnread
            ? items.FirstOrDefault(m => m.Kind == MessageKind.Text && m.Id > (header.LastReadMessageId ?? 0) && m.Sender.Id != userId)?.Id
            : null;

        var cards = await aboutCards.ForPageAsync(userId, [header.About], cancellationToken);

        string Cursor(MessageItem m) => new KeysetCursor(m.SentAt, m.Id).ToString();
        var older = items.Count > 0 && (keyset.After is not null || hasMore) ? Cursor(items[0]) : null;
        var newer = items.Count > 0 && (keyset.Before is not null || (keyset.After is not null && hasMore)) ? Cursor(items[^1]) : null;
        return MessagingResult<ThreadPage>.Success(new ThreadPage(
            threadId,
            header.Subject,
            header.IsUnread,
            header.State,
            header.Participants.Select(p => formerMember.Or(users, p.UserId)).ToList(),
            items,
            firstUnread,
            older,
            newer)
        {
            AwaitingReview = read.Held.Select(h => new AwaitingReview(h.Id, h.Subject, h.Content, h.HeldAt)).ToList(),
            IsMuted = header.IsMuted,
            ShowsReadReceipts = receipts,
            About = About.AboutReference.TryParse(header.About, out var about) ? about : null,
            AboutCard = header.About is not null && cards.TryGetValue(header.About, out var card) ? card : null,
            UnreadCount = header.UnreadCount,
            RequestCount = header.RequestCount,
        });
    }
}
