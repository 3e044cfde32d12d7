using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Store;

/// <summary>
/// The store on SQLite and PostgreSQL: the portable store, with the hot operations (folder pages,
/// the thread page, sending, the counters, search) answered by SQL the package writes once per model.
/// </summary>
internal sealed class SqlMessageStore(UserMessagesDb db, SqlStatements statements, string textSearchConfiguration) : MessageStore(db)
{
    /// <summary>How many of a user's newest threads search reads one by one before it asks the full-text indexes for every match.</summary>
    private const int SearchWindow = 400;

    public override Task<FolderRows> ReadFolderAsync(string userId, MailboxFolder folder, KeysetPage page, int take, CancellationToken cancellationToken)
    {
        var (state, sent) = CompiledQueries.RowsOf(folder);
        return statements.Folder.ReadAsync(Context, userId, state, sent, page, take, cancellationToken);
    }

    public override Task<ThreadRead?> ReadThreadAsync(string userId, long threadId, KeysetPage page, int take, bool readHeld, CancellationToken cancellationToken)
        => statements.Thread.ReadAsync(Context, userId, threadId, page, take, readHeld, cancellationToken);

    public override Task<NewThreadChecks> ReadNewThreadChecksAsync(
        string senderId, IReadOnlyList<string> recipients, SendingQuota quota, bool readAcquainted, CancellationToken cancellationToken)
        => statements.Sending.ReadThreadChecksAsync(Context, senderId, recipients, quota, readAcquainted, cancellationToken);

    public override Task<ReplyChecks> ReadReplyChecksAsync(string userId, long threadId, SendingQuota quota, CancellationToken cancellationToken)
        => statements.Sending.ReadReplyChecksAsync(Context, userId, threadId, quota, cancellationToken);

    protected override Task<(long ThreadId, long MessageId)> WriteThreadCoreAsync(
        string senderId, IReadOnlyList<string> recipients, IReadOnlySet<string> requested, string subject, MessageText text, DateTime now, NotificationTimes? notify, CancellationToken cancellationToken)
        => statements.Sending.WriteThreadAsync(Context, senderId, recipients, requested, subject, text, now, notify, cancellationToken);

    protected override Task<(long Id, DateTime SentAt)> WriteReplyCoreAsync(
        string userId, long threadId, MessageText text, DateTime now, NotificationTimes? notify, IReadOnlyList<string> refusing, CancellationToken cancellationToken)
        => statements.Sending.WriteReplyAsync(Context, userId, threadId, now, text, notify, refusing, cancellationToken);

    /// <summary>One upsert for every user (in user order, so two writers never wait on each other's rows crosswise).</summary>
    protected override async Task AddToCountersAsync(IReadOnlyList<(string UserId, int Delta)> deltas, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        var ordered = deltas.OrderBy(d => d.UserId, StringComparer.Ordinal).ToList();
        var names = new SqlNames(Context);
        var (user, unread) = (names.Column<MailboxCounter>(nameof(MailboxCounter.UserId)), names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads)));
        var values = string.Join(", ", ordered.Select((_, i) => $"({{{2 * i}}}, {{{(2 * i) + 1}}})"));
        var upsert = $"INSERT INTO {names.Table<MailboxCounter>()} ({user}, {unread}) VALUES {values} " +
            $"ON CONFLICT ({user}) DO UPDATE SET {unread} = {names.TableName<MailboxCounter>()}.{unread} + excluded.{unread}";
        await Context.Database.ExecuteSqlRawAsync(upsert, ordered.SelectMany(d => new object[] { d.UserId, d.Delta }), cancellationToken);
    }

    /// <summary>
    /// On PostgreSQL, in two steps: the user's newest <see cref="SearchWindow"/> threads one by one; then, only when they
    /// hold less than a page and there are more, every match the GIN indexes give (a statement each, so the first runs once).
    /// </summary>
    public override async Task<List<ThreadRow>> SearchAsync(string userId, string text, KeysetPage page, int take, CancellationToken cancellationToken)
    {
        if (!statements.Postgres || FullTextQuery.From(text) is not { } words)
        {
            return await base.SearchAsync(userId, text, page, take, cancellationToken);
        }

        var rows = Searched(userId, page);
        var window = InPageOrder(rows, page).Take(SearchWindow);
        var newest = await ReadSearchPageAsync(userId, FullTextMatching(window, words, oneByOne: true), page, take, cancellationToken);
        if (newest.Count == take || await window.CountAsync(cancellationToken) < SearchWindow)
        {
            return newest;
        }

        return await ReadSearchPageAsync(userId, FullTextMatching(rows, words, oneByOne: false), page, take, cancellationToken);
    }

    /// <summary>On SQLite, <c>LIKE</c> with the wildcards escaped (it ignores ASCII case by itself); on PostgreSQL, for text without words (emoji), the portable match.</summary>
    protected override IQueryable<ThreadParticipant> Matching(IQueryable<ThreadParticipant> rows, string text)
    {
        if (statements.Postgres)
        {
            return base.Matching(rows, text);
        }

        var written = MessageKind.Text;
        var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return rows.Where(p => EF.Functions.Like(p.Thread!.Subject, pattern, @"\")
            || Db.Messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written && EF.Functions.Like(m.Content, pattern, @"\")));
    }

    /// <summary>
    /// Those of <paramref name="rows"/> whose thread's subject, or a written message, matches <paramref name="words"/> (a
    /// <c>to_tsquery</c> text): the subject as its expression index is written, the message by its stored words, so both indexes serve.
    /// <paramref name="oneByOne"/> has each row's messages read by their thread, never every match of the site collected first.
    /// </summary>
    private IQueryable<ThreadParticipant> FullTextMatching(IQueryable<ThreadParticipant> rows, string words, bool oneByOne)
    {
        var names = new SqlNames(Context);

        // Besides the names, only the validated configuration name is spliced in; the words are a parameter.
        var query = $"to_tsquery('{textSearchConfiguration}', {{0}})";
        var subjects = $"SELECT * FROM {names.Table<MessageThread>()} WHERE to_tsvector('{textSearchConfiguration}', {names.Column<MessageThread>(nameof(MessageThread.Subject))}) @@ {query}";
        var texts = $"SELECT * FROM {names.Table<Message>()} WHERE {names.Column<Message>(FullTextIndex.SearchVector)} @@ {query}";
        var threads = Db.Threads.FromSqlRaw(subjects, words).AsNoTracking();
        var messages = Db.Messages.FromSqlRaw(texts, words).AsNoTracking();
        var written = MessageKind.Text;

        // PostgreSQL may turn the messages' subquery into a hash of every match on the site; with an OFFSET it can only probe.
        var none = 0;
        return oneByOne
            ? rows.Where(p => threads.Any(t => t.Id == p.ThreadId) || messages.Where(m => m.ThreadId == p.ThreadId && m.Kind == written).Skip(none).Any())
            : rows.Where(p => threads.Any(t => t.Id == p.ThreadId) || messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written));
    }
}
