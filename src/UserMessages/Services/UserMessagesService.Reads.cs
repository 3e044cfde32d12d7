using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>
/// The reads of <see cref="IUserMessagesService"/>: a folder or search page is one statement over
/// the participant rows (plus one batched user-name lookup), a thread page a fixed number whatever
/// the number of messages; all use keyset paging.
/// </summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult<FolderPage>> GetFolderAsync(string userId, MailboxFolder folder, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        if (!TryReadCursors(page, out var before, out var after))
        {
            return MessagingResult<FolderPage>.Invalid([describer.InvalidCursor()]);
        }

        var (state, sent) = CompiledReads.RowsOf(folder);
        await using var connection = await db.OpenAsync(cancellationToken);
        var take = options.Value.PageSize + 1;

        var (rows, unread) = FolderStatement.For(db.Context) is { } statement
            ? await statement.ReadAsync(db.Context, userId, state, sent, before, after, take, cancellationToken)
            : (await CompiledReads.For(db.Context).ReadFolder(db.Context, userId, state, sent, before, after, take).ToListAsync(cancellationToken), null);
        var result = await PageOfThreadsAsync(rows, before, after, cancellationToken);
        return MessagingResult<FolderPage>.Success(new FolderPage(folder, result.Threads, result.OlderCursor, result.NewerCursor) { UnreadCount = unread });
    }

    public async Task<MessagingResult<SearchPage>> SearchAsync(string userId, string query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        var text = (query ?? string.Empty).Trim();
        if (text.Length < options.Value.MinSearchLength)
        {
            return MessagingResult<SearchPage>.Invalid([describer.SearchTooShort(options.Value.MinSearchLength)]);
        }

        if (!TextRules.IsStorable(text, multiline: false))
        {
            return MessagingResult<SearchPage>.Invalid([describer.SearchHasControlCharacters()]);
        }

        // Only the user's own threads, then a case-insensitive substring of the subject or of a message.
        var (left, written) = (ParticipantState.Left, MessageKind.Text);
        var rows = db.Participants.AsNoTracking().Where(p => p.UserId == userId && p.State != left);
        if (db.Context.Database.ProviderName == DatabaseProviders.Sqlite)
        {
            // SQLite's LIKE ignores case (ASCII) by itself and its lower() knows only ASCII: LIKE, wildcards escaped.
            var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            rows = rows.Where(p => EF.Functions.Like(p.Thread!.Subject, pattern, @"\")
                || db.Messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written && EF.Functions.Like(m.Content, pattern, @"\")));
        }
        else if (db.Context.Database.ProviderName == DatabaseProviders.Postgres && FullTextQuery.From(text) is { } words)
        {
            // PostgreSQL: full-text search over the GIN indexes of subjects and messages (see FullTextIndex).
            var (threads, messages) = FullTextMatches(words);
            rows = rows.Where(p => threads.Any(t => t.Id == p.ThreadId)
                || messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written));
        }
        else
        {
            // Elsewhere (SQL Server; PostgreSQL for text without words, such as emoji) lower() knows
            // Unicode: a literal match of the lowered text.
            var lowered = text.ToLowerInvariant();
            rows = rows.Where(p => p.Thread!.Subject.ToLower().Contains(lowered)
                || db.Messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written && m.Content.ToLower().Contains(lowered)));
        }

        var result = await ReadThreadsAsync(rows, userId, page, cancellationToken);
        return result.Succeeded
            ? MessagingResult<SearchPage>.Success(result.Value! with { Query = text })
            : MessagingResult<SearchPage>.From(result);
    }

    /// <summary>
    /// The threads whose subject, and the messages whose text, match <paramref name="words"/> (a
    /// <c>to_tsquery</c> text), written exactly as the full-text indexes are, so PostgreSQL uses them.
    /// </summary>
    private (IQueryable<MessageThread> Threads, IQueryable<Message> Messages) FullTextMatches(string words)
    {
        var config = options.Value.Store.TextSearchConfiguration;
        var names = new SqlNames(db.Context);

        // Besides the names, only the validated configuration name is spliced in; the words are a parameter.
        string Matching<T>(string property)
            => $"SELECT * FROM {names.Table<T>()} WHERE to_tsvector('{config}', {names.Column<T>(property)}) @@ to_tsquery('{config}', {{0}})";

        var threadsSql = Matching<MessageThread>(nameof(MessageThread.Subject));
        var messagesSql = Matching<Message>(nameof(Message.Content));
        return (db.Threads.FromSqlRaw(threadsSql, words).AsNoTracking(), db.Messages.FromSqlRaw(messagesSql, words).AsNoTracking());
    }

    public async Task<MessagingResult<ThreadPage>> GetThreadAsync(string userId, long threadId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        if (!TryReadCursors(page, out var before, out var after))
        {
            return MessagingResult<ThreadPage>.Invalid([describer.InvalidCursor()]);
        }

        var size = options.Value.ThreadPageSize;
        await using var connection = await db.OpenAsync(cancellationToken);
        var read = ThreadStatement.For(db.Context) is { } statement
            ? await statement.ReadAsync(db.Context, userId, threadId, before, after, size + 1, cancellationToken)
            : await CompiledThreadReadAsync(userId, threadId, before, after, size + 1, cancellationToken);
        if (read is not var (header, found))
        {
            return MessagingResult<ThreadPage>.NotFound();
        }

        var hasMore = found.Count > size;
        found = found.Take(size).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToList();

        var users = await directory.FindByIdsAsync(
            header.Participants.Concat(found.Select(m => m.SenderId)).Concat(found.Select(m => m.AboutUserId).OfType<string>()).Distinct().ToList(),
            cancellationToken);
        var items = found.Select(m => new MessageItem(
            m.Id, formerMember.Or(users, m.SenderId), m.SentAt, m.Content, m.Kind, m.AboutUserId is null ? null : formerMember.Or(users, m.AboutUserId))).ToList();
        var firstUnread = header.IsUnread
            ? items.FirstOrDefault(m => m.Kind == MessageKind.Text && m.Id > (header.LastReadMessageId ?? 0) && m.Sender.Id != userId)?.Id
            : null;

        string Cursor(MessageItem m) => new KeysetCursor(m.SentAt, m.Id).ToString();
        var older = items.Count > 0 && (after is not null || hasMore) ? Cursor(items[0]) : null;
        var newer = items.Count > 0 && (before is not null || (after is not null && hasMore)) ? Cursor(items[^1]) : null;
        return MessagingResult<ThreadPage>.Success(new ThreadPage(
            threadId,
            header.Subject,
            header.IsUnread,
            header.State,
            header.Participants.Select(id => formerMember.Or(users, id)).ToList(),
            items,
            firstUnread,
            older,
            newer));
    }

    /// <summary>A thread page's rows through EF Core's compiled queries, where <see cref="ThreadStatement"/> does not apply; null when the user is not in the thread.</summary>
    private async Task<(CompiledReads.HeaderRow Header, List<CompiledReads.MessageRow> Messages)?> CompiledThreadReadAsync(
        string userId, long threadId, KeysetCursor? before, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var reads = CompiledReads.For(db.Context);
        if (await reads.ThreadHeader(db.Context, threadId, userId, cancellationToken) is not { } header)
        {
            return null;
        }

        return (header, await reads.ReadMessages(db.Context, threadId, before, after, take).ToListAsync(cancellationToken));
    }

    /// <summary>One keyset page of <paramref name="rows"/> (one user's participant rows), newest activity first, with names.</summary>
    private async Task<MessagingResult<SearchPage>> ReadThreadsAsync(IQueryable<ThreadParticipant> rows, string userId, PageRequest page, CancellationToken cancellationToken)
    {
        if (!TryReadCursors(page, out var before, out var after))
        {
            return MessagingResult<SearchPage>.Invalid([describer.InvalidCursor()]);
        }

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

        // The same page query as the folders' compiled ones, over these rows (the user id as a parameter).
        var reader = new { userId };
        var query = CompiledReads.Inline(
            CompiledReads.WithThreads,
            Expression.Constant(db.Context),
            ordered.Take(options.Value.PageSize + 1).Expression,
            Expression.Property(Expression.Constant(reader), nameof(reader.userId)));
        await using var connection = await db.OpenAsync(cancellationToken);
        var found = await ordered.Provider.CreateQuery<CompiledReads.ThreadRow>(query).ToListAsync(cancellationToken);
        return MessagingResult<SearchPage>.Success(await PageOfThreadsAsync(found, before, after, cancellationToken));
    }

    /// <summary>
    /// A page of threads from the rows read (one more than a page, newest first; oldest first when
    /// reading after a cursor): with names, excerpts and the cursors of the pages around it.
    /// </summary>
    private async Task<SearchPage> PageOfThreadsAsync(List<CompiledReads.ThreadRow> found, KeysetCursor? before, KeysetCursor? after, CancellationToken cancellationToken)
    {
        // The join may lose the order of the paged subquery: restore it in memory (at most one page).
        var size = options.Value.PageSize;
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
            formerMember.Or(users, r.SenderId),
            Excerpt(r.Excerpt),
            r.Others.Select(id => formerMember.Or(users, id)).ToList(),
            r.State)).ToList();

        string? Cursor(int index) => new KeysetCursor(threads[index].LatestMessageAt, threads[index].ThreadId).ToString();
        var older = threads.Count > 0 && (after is not null || hasMore) ? Cursor(threads.Count - 1) : null;
        var newer = threads.Count > 0 && (before is not null || (after is not null && hasMore)) ? Cursor(0) : null;
        return new SearchPage(string.Empty, threads, older, newer);
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

    /// <summary>
    /// The beginning of the latest message on one line: at most <see cref="CompiledReads.ExcerptLength"/> characters
    /// (code points, as the database cut them), never splitting an emoji or a letter with its accents.
    /// </summary>
    private static string Excerpt(string text)
    {
        var flat = OnOneLine(text);
        if (text.Length <= CompiledReads.ExcerptLength || text.EnumerateRunes().Count() <= CompiledReads.ExcerptLength)
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
            if (runes > CompiledReads.ExcerptLength)
            {
                break;
            }

            length += element.Length;
        }

        return flat[..length].TrimEnd() + "\u2026";
    }

    /// <summary>The text with each run of white space (line breaks too) made one space, and none at either end; the text itself when it is so already.</summary>
    private static string OnOneLine(string text)
    {
        var tidy = text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]));
        for (var i = 1; tidy && i < text.Length; i++)
        {
            tidy = !char.IsWhiteSpace(text[i]) || (text[i] == ' ' && !char.IsWhiteSpace(text[i - 1]));
        }

        return tidy ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
