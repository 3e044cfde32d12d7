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
    /// On SQLite, <c>LIKE</c> with the wildcards escaped (it ignores ASCII case by itself); on PostgreSQL,
    /// full-text search over the GIN indexes of subjects and messages, or the portable match for text without words (emoji).
    /// </summary>
    protected override IQueryable<ThreadParticipant> Matching(IQueryable<ThreadParticipant> rows, string text)
    {
        var written = MessageKind.Text;
        if (!statements.Postgres)
        {
            var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            return rows.Where(p => EF.Functions.Like(p.Thread!.Subject, pattern, @"\")
                || Db.Messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written && EF.Functions.Like(m.Content, pattern, @"\")));
        }

        if (FullTextQuery.From(text) is not { } words)
        {
            return base.Matching(rows, text);
        }

        var (threads, messages) = FullTextMatches(words);
        return rows.Where(p => threads.Any(t => t.Id == p.ThreadId) || messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written));
    }

    /// <summary>The threads whose subject, and the messages whose text, match <paramref name="words"/> (a <c>to_tsquery</c> text), written exactly as the full-text indexes are, so PostgreSQL uses them.</summary>
    private (IQueryable<MessageThread> Threads, IQueryable<Message> Messages) FullTextMatches(string words)
    {
        var names = new SqlNames(Context);

        // Besides the names, only the validated configuration name is spliced in; the words are a parameter.
        string Matching<T>(string property)
            => $"SELECT * FROM {names.Table<T>()} WHERE to_tsvector('{textSearchConfiguration}', {names.Column<T>(property)}) @@ to_tsquery('{textSearchConfiguration}', {{0}})";

        return (Db.Threads.FromSqlRaw(Matching<MessageThread>(nameof(MessageThread.Subject)), words).AsNoTracking(),
            Db.Messages.FromSqlRaw(Matching<Message>(nameof(Message.Content)), words).AsNoTracking());
    }
}
