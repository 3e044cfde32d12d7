using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>
/// The reads of <see cref="IUserMessagesService"/>: a folder page is one statement over the
/// participant rows (plus one batched user-name lookup), a thread page a fixed number whatever
/// the number of messages; both use keyset paging.
/// </summary>
internal sealed partial class UserMessagesService
{
    private const int ExcerptLength = 140;

    public Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);

        // Compared with variables, not constants, so SQLite sees "= ?" terms it can match to the index.
        var unread = true;
        var deleted = false;
        return db.Participants.CountAsync(p => p.UserId == userId && p.IsDeleted == deleted && p.IsUnread == unread, cancellationToken);
    }

    public async Task<MessagingResult<FolderPage>> GetFolderAsync(string userId, MailboxFolder folder, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        if (!TryReadCursors(page, out var before, out var after))
        {
            return MessagingResult<FolderPage>.Invalid([describer.InvalidCursor()]);
        }

        var size = options.Value.PageSize;
        var rows = db.Participants.AsNoTracking().Where(p => p.UserId == userId);
        var yes = true;
        var no = false;
        rows = folder switch
        {
            MailboxFolder.Inbox => rows.Where(p => p.IsDeleted == no),
            MailboxFolder.Sent => rows.Where(p => p.HasSent == yes && p.IsDeleted == no),
            MailboxFolder.Trash => rows.Where(p => p.IsDeleted == yes),
            _ => throw new ArgumentOutOfRangeException(nameof(folder)),
        };

        if (before is { } b)
        {
            rows = rows.Where(p => p.LatestMessageAt < b.At || (p.LatestMessageAt == b.At && p.ThreadId < b.Id));
        }
        else if (after is { } a)
        {
            rows = rows.Where(p => p.LatestMessageAt > a.At || (p.LatestMessageAt == a.At && p.ThreadId > a.Id));
        }

        var ordered = after is null
            ? rows.OrderByDescending(p => p.LatestMessageAt).ThenByDescending(p => p.ThreadId)
            : rows.OrderBy(p => p.LatestMessageAt).ThenBy(p => p.ThreadId);

        var found = await (
            from p in ordered.Take(size + 1)
            join t in db.Threads on p.ThreadId equals t.Id
            join m in db.Messages on t.LatestMessageId equals m.Id
            select new
            {
                p.ThreadId,
                p.IsUnread,
                p.LatestMessageAt,
                t.Subject,
                m.SenderId,
                Excerpt = m.Content.Substring(0, ExcerptLength + 1),
                Others = t.Participants.Where(o => o.UserId != userId).Select(o => o.UserId).ToList(),
            }).ToListAsync(cancellationToken);

        // The join may lose the order of the paged subquery: restore it in memory (at most one page).
        found = found.OrderByDescending(r => r.LatestMessageAt).ThenByDescending(r => r.ThreadId).ToList();
        var hasMore = found.Count > size;
        if (hasMore)
        {
            found = after is null ? found.Take(size).ToList() : found.Skip(1).ToList();
        }

        var users = await directory.FindByIdsAsync(
            found.SelectMany(r => r.Others).Concat(found.Select(r => r.SenderId)).Distinct().ToList(),
            cancellationToken);
        var threads = found.Select(r => new ThreadSummary(
            r.ThreadId,
            r.Subject,
            r.IsUnread,
            r.LatestMessageAt,
            UserOrPlaceholder(users, r.SenderId),
            Excerpt(r.Excerpt),
            r.Others.Select(id => UserOrPlaceholder(users, id)).ToList())).ToList();

        string? Cursor(int index) => new KeysetCursor(threads[index].LatestMessageAt, threads[index].ThreadId).ToString();
        var older = threads.Count > 0 && (after is not null || hasMore) ? Cursor(threads.Count - 1) : null;
        var newer = threads.Count > 0 && (before is not null || (after is not null && hasMore)) ? Cursor(0) : null;
        return MessagingResult<FolderPage>.Success(new FolderPage(folder, threads, older, newer));
    }

    public async Task<MessagingResult<ThreadPage>> GetThreadAsync(string userId, long threadId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        if (!TryReadCursors(page, out var before, out var after))
        {
            return MessagingResult<ThreadPage>.Invalid([describer.InvalidCursor()]);
        }

        var header = await db.Participants.AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.UserId == userId)
            .Select(p => new
            {
                p.IsUnread,
                p.IsDeleted,
                p.LastReadMessageId,
                p.Thread!.Subject,
                Participants = p.Thread.Participants.OrderBy(o => o.JoinedAt).ThenBy(o => o.UserId).Select(o => o.UserId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return MessagingResult<ThreadPage>.NotFound();
        }

        var size = options.Value.ThreadPageSize;
        var messages = db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId);
        if (before is { } b)
        {
            messages = messages.Where(m => m.SentAt < b.At || (m.SentAt == b.At && m.Id < b.Id));
        }
        else if (after is { } a)
        {
            messages = messages.Where(m => m.SentAt > a.At || (m.SentAt == a.At && m.Id > a.Id));
        }

        var ordered = after is null
            ? messages.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            : messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id);
        var found = await ordered.Take(size + 1)
            .Select(m => new { m.Id, m.SenderId, m.SentAt, m.Content })
            .ToListAsync(cancellationToken);
        var hasMore = found.Count > size;
        found = found.Take(size).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToList();

        var users = await directory.FindByIdsAsync(
            header.Participants.Concat(found.Select(m => m.SenderId)).Distinct().ToList(),
            cancellationToken);
        var items = found.Select(m => new MessageItem(m.Id, UserOrPlaceholder(users, m.SenderId), m.SentAt, m.Content)).ToList();
        var firstUnread = header.IsUnread
            ? items.FirstOrDefault(m => m.Id > (header.LastReadMessageId ?? 0) && m.Sender.Id != userId)?.Id
            : null;

        string Cursor(MessageItem m) => new KeysetCursor(m.SentAt, m.Id).ToString();
        var older = items.Count > 0 && (after is not null || hasMore) ? Cursor(items[0]) : null;
        var newer = items.Count > 0 && (before is not null || (after is not null && hasMore)) ? Cursor(items[^1]) : null;
        return MessagingResult<ThreadPage>.Success(new ThreadPage(
            threadId,
            header.Subject,
            header.IsUnread,
            header.IsDeleted,
            header.Participants.Select(id => UserOrPlaceholder(users, id)).ToList(),
            items,
            firstUnread,
            older,
            newer));
    }

    private static bool TryReadCursors(PageRequest page, out KeysetCursor? before, out KeysetCursor? after)
    {
        before = null;
        after = null;
        if (page.Before is not null)
        {
            if (!KeysetCursor.TryParse(page.Before, out var b))
            {
                return false;
            }

            before = b;
        }
        else if (page.After is not null)
        {
            if (!KeysetCursor.TryParse(page.After, out var a))
            {
                return false;
            }

            after = a;
        }

        return true;
    }

    /// <summary>A user the directory no longer knows (e.g. a deleted account) still gets a row, under a neutral name.</summary>
    private static MessagingUser UserOrPlaceholder(IReadOnlyDictionary<string, MessagingUser> users, string id)
        => users.TryGetValue(id, out var user) ? user : new MessagingUser(id, string.Empty, "Former member");

    /// <summary>
    /// The beginning of the latest message on one line: at most <see cref="ExcerptLength"/> characters
    /// (code points, as the database cut them), never splitting an emoji or a letter with its accents.
    /// </summary>
    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.EnumerateRunes().Count() <= ExcerptLength)
        {
            return flat;
        }

        var length = 0;
        var runes = 0;
        var elements = StringInfo.GetTextElementEnumerator(flat);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            runes += element.EnumerateRunes().Count();
            if (runes > ExcerptLength)
            {
                break;
            }

            length += element.Length;
        }

        return flat[..length].TrimEnd() + "\u2026";
    }
}
