using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;
using UserMessages.Services;
using FolderRead = System.Func<Microsoft.EntityFrameworkCore.DbContext, string, UserMessages.Domain.ParticipantState, UserMessages.Domain.ParticipantState, bool, System.DateTime, long, int, System.Collections.Generic.IAsyncEnumerable<UserMessages.Storage.CompiledReads.ThreadRow>>;

namespace UserMessages.Storage;

/// <summary>
/// The reads every page view makes, once per model: a folder page and the thread page's header
/// and messages as EF Core's compiled queries (where <see cref="FolderStatement"/> and
/// <see cref="ThreadStatement"/>, SQL of the package's own, do not apply: databases other than
/// SQLite and PostgreSQL, or a host's query filter on the tables), the unread badge as a
/// <see cref="WrittenStatement"/>. A compiled query skips EF's per-call work of
/// walking, hashing and looking up the query's expression tree, which was a sixth of a thread
/// page's CPU. EF ties a compiled query to the model it first ran with, so there is one set per
/// model (a host may have several contexts; the tests build many models).
/// </summary>
internal sealed class CompiledReads
{
    private static readonly ConditionalWeakTable<IModel, CompiledReads> PerModel = [];

    private readonly IRelationalCommandTemplate unreadCount;

    private readonly IdListStatement unreadCounts;

    private CompiledReads(DbContext context)
    {
        // SELECT UnreadThreads FROM MailboxCounters WHERE UserId = @p0, in the host's names; and
        // SELECT UserId, UnreadThreads FROM MailboxCounters WHERE UserId IN (@p0, @p1, ...).
        var names = new SqlNames(context);
        var sql = context.GetService<ISqlGenerationHelper>();
        var builders = context.GetService<IRelationalCommandBuilderFactory>();
        var user = context.Model.FindEntityType(typeof(MailboxCounter))!.FindProperty(nameof(MailboxCounter.UserId))!.GetRelationalTypeMapping();
        var (userColumn, unreadColumn, table) = (names.Column<MailboxCounter>(nameof(MailboxCounter.UserId)), names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads)), names.Table<MailboxCounter>());
        unreadCount = builders.Create()
            .Append($"SELECT {unreadColumn} FROM {table} WHERE {userColumn} = ")
            .AddParameter("p0", sql.GenerateParameterName("p0"), user, nullable: false)
            .Append(sql.GenerateParameterNamePlaceholder("p0"))
            .Build();
        unreadCounts = new IdListStatement(context, $"SELECT {userColumn}, {unreadColumn} FROM {table} WHERE {userColumn} IN (", user);
    }

    /// <summary>The compiled reads for <paramref name="context"/>'s model.</summary>
    public static CompiledReads For(DbContext context)
        => PerModel.TryGetValue(context.Model, out var reads) ? reads : PerModel.GetValue(context.Model, _ => new CompiledReads(context));

    /// <summary>
    /// The unread threads in a user's inbox: the counter row, 0 without one. A statement of its own
    /// (<see cref="WrittenStatement"/>): it is on every page of the host's site, with the badge.
    /// </summary>
    public Task<int> UnreadCountAsync(DbContext context, string userId, CancellationToken cancellationToken)
        => WrittenStatement.ReadAsync(context, unreadCount, new Dictionary<string, object?>(1) { ["p0"] = userId }, static async (reader, ct) =>
            await reader.ReadAsync(ct) && !reader.DbDataReader.IsDBNull(0) ? Convert.ToInt32(reader.DbDataReader.GetValue(0), CultureInfo.InvariantCulture) : 0,
            cancellationToken);

    /// <summary>
    /// The unread threads of each of <paramref name="userIds"/> (distinct; 0 for a user without a
    /// counter row, never below 0), in one statement per thousand users written once per number of
    /// users (an <see cref="IdListStatement"/>): for the live badges after a message is sent.
    /// </summary>
    public async Task<Dictionary<string, int>> UnreadCountsAsync(DbContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var counts = userIds.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var rows = await unreadCounts.ReadAsync(context, userIds, row => (UserId: row.GetString(0), Unread: Convert.ToInt32(row.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken);
        foreach (var (userId, unread) in rows)
        {
            counts[userId] = Math.Max(unread, 0);
        }

        return counts;
    }

    /// <summary>The reader's row of a thread with its subject and the people in it (in the order they joined), or null.</summary>
    public Func<DbContext, long, string, CancellationToken, Task<HeaderRow?>> ThreadHeader { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, string userId, CancellationToken ct) => c.Set<ThreadParticipant>().AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.UserId == userId && p.State != ParticipantState.Left)
            .Select(p => new HeaderRow
            {
                IsUnread = p.IsUnread,
                State = p.State,
                LastReadMessageId = p.LastReadMessageId,
                Subject = p.Thread!.Subject,
                Participants = p.Thread.Participants.Where(o => o.State != ParticipantState.Left).OrderBy(o => o.JoinedAt).ThenBy(o => o.UserId).Select(o => o.UserId).ToList(),
            })
            .FirstOrDefault());

    /// <summary>A message as the thread page reads it (inlined into the queries below when they are compiled).</summary>
    private static readonly Expression<Func<Message, MessageRow>> AsMessageRow =
        m => new MessageRow { Id = m.Id, SenderId = m.SenderId, SentAt = m.SentAt, Content = m.Content, Kind = m.Kind, AboutUserId = m.AboutUserId };

    /// <summary>The newest <c>take</c> messages of a thread, newest first.</summary>
    public Func<DbContext, long, int, IAsyncEnumerable<MessageRow>> NewestMessages { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, int take) => c.Set<Message>().AsNoTracking()
            .Where(m => m.ThreadId == threadId)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(AsMessageRow));

    /// <summary>The <c>take</c> messages just older than a cursor (time, id), newest first.</summary>
    public Func<DbContext, long, DateTime, long, int, IAsyncEnumerable<MessageRow>> MessagesBefore { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, DateTime at, long id, int take) => c.Set<Message>().AsNoTracking()
            .Where(m => m.ThreadId == threadId && (m.SentAt < at || (m.SentAt == at && m.Id < id)))
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(AsMessageRow));

    /// <summary>The <c>take</c> messages just newer than a cursor (time, id), oldest first.</summary>
    public Func<DbContext, long, DateTime, long, int, IAsyncEnumerable<MessageRow>> MessagesAfter { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, DateTime at, long id, int take) => c.Set<Message>().AsNoTracking()
            .Where(m => m.ThreadId == threadId && (m.SentAt > at || (m.SentAt == at && m.Id > id)))
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Take(take)
            .Select(AsMessageRow));

    /// <summary>
    /// One page of a user's threads from their participant rows (already filtered, ordered and cut
    /// to a page): each thread's subject, latest message, and the other people still in it. The
    /// other people's ids come joined into one column (<c>group_concat</c>, <c>string_agg</c>...) by
    /// a subquery per row, so the page is one row per thread: reading them as a joined collection
    /// took a fifth of the JSON inbox's CPU (a join, a sort over it, and EF Core's collection shaper).
    /// </summary>
    public static readonly Expression<Func<DbContext, IQueryable<ThreadParticipant>, string, IQueryable<ThreadRow>>> WithThreads =
        (c, rows, userId) =>
            from p in rows
            join t in c.Set<MessageThread>() on p.ThreadId equals t.Id
            join m in c.Set<Message>() on t.LatestMessageId equals m.Id
            select new ThreadRow
            {
                ThreadId = p.ThreadId,
                IsUnread = p.IsUnread,
                State = p.State,
                LatestMessageAt = p.LatestMessageAt,
                Subject = t.Subject,
                SenderId = m.SenderId,
                Excerpt = m.Content.Substring(0, ExcerptLength + 1),
                OtherIds = c.Set<ThreadParticipant>().Where(o => o.ThreadId == t.Id && o.UserId != userId && o.State != ParticipantState.Left)
                    .GroupBy(o => o.ThreadId).Select(g => string.Join(IdSeparator, g.Select(o => o.UserId))).FirstOrDefault() ?? string.Empty,
            };

    /// <summary>
    /// What joins the ids of a thread's other people in one column: the unit separator, a control
    /// character no user id contains (recipients whose id does are refused, see <c>CheckRecipientsAcceptAsync</c>).
    /// </summary>
    public const string IdSeparator = "\u001f";

    /// <summary>The longest excerpt of a latest message a folder page shows (one more character is read, to know it was cut).</summary>
    public const int ExcerptLength = 140;

    // A folder read's arguments, the same for every variant: user, state (and second state), sent,
    // cursor time and id, rows to read. Each variant uses the ones it needs.
    private delegate IQueryable<ThreadParticipant> FolderRows(DbContext c, string userId, ParticipantState state, ParticipantState state2, bool sent, DateTime at, long id, int take);

    /// <summary>The inbox, archive or trash (rows in one state): newest page.</summary>
    public FolderRead InState { get; } = CompileFolder(
        (c, u, s, s2, sent, at, id, take) => c.Set<ThreadParticipant>().AsNoTracking().Where(p => p.UserId == u && p.State == s)
            .OrderByDescending(p => p.LatestMessageAt).ThenByDescending(p => p.ThreadId).Take(take));

    /// <summary>The inbox, archive or trash: the page older than a cursor.</summary>
    public FolderRead InStateBefore { get; } = CompileFolder(
        (c, u, s, s2, sent, at, id, take) => c.Set<ThreadParticipant>().AsNoTracking()
            .Where(p => p.UserId == u && p.State == s && (p.LatestMessageAt < at || (p.LatestMessageAt == at && p.ThreadId < id)))
            .OrderByDescending(p => p.LatestMessageAt).ThenByDescending(p => p.ThreadId).Take(take));

    /// <summary>The inbox, archive or trash: the page newer than a cursor (oldest first).</summary>
    public FolderRead InStateAfter { get; } = CompileFolder(
        (c, u, s, s2, sent, at, id, take) => c.Set<ThreadParticipant>().AsNoTracking()
            .Where(p => p.UserId == u && p.State == s && (p.LatestMessageAt > at || (p.LatestMessageAt == at && p.ThreadId > id)))
            .OrderBy(p => p.LatestMessageAt).ThenBy(p => p.ThreadId).Take(take));

    /// <summary>Sent (rows the user wrote in, in either of two states): newest page.</summary>
    public FolderRead Sent { get; } = CompileFolder(
        (c, u, s, s2, sent, at, id, take) => c.Set<ThreadParticipant>().AsNoTracking().Where(p => p.UserId == u && p.HasSent == sent && (p.State == s || p.State == s2))
            .OrderByDescending(p => p.LatestMessageAt).ThenByDescending(p => p.ThreadId).Take(take));

    /// <summary>Sent: the page older than a cursor.</summary>
    public FolderRead SentBefore { get; } = CompileFolder(
        (c, u, s, s2, sent, at, id, take) => c.Set<ThreadParticipant>().AsNoTracking()
            .Where(p => p.UserId == u && p.HasSent == sent && (p.State == s || p.State == s2) && (p.LatestMessageAt < at || (p.LatestMessageAt == at && p.ThreadId < id)))
            .OrderByDescending(p => p.LatestMessageAt).ThenByDescending(p => p.ThreadId).Take(take));

    /// <summary>Sent: the page newer than a cursor (oldest first).</summary>
    public FolderRead SentAfter { get; } = CompileFolder(
        (c, u, s, s2, sent, at, id, take) => c.Set<ThreadParticipant>().AsNoTracking()
            .Where(p => p.UserId == u && p.HasSent == sent && (p.State == s || p.State == s2) && (p.LatestMessageAt > at || (p.LatestMessageAt == at && p.ThreadId > id)))
            .OrderBy(p => p.LatestMessageAt).ThenBy(p => p.ThreadId).Take(take));

    /// <summary>
    /// The participant rows a folder lists: one state (<see cref="ParticipantState.Active"/> for the
    /// inbox), or for Sent the rows the user wrote in, active or archived (the second state).
    /// </summary>
    public static (ParticipantState State, bool Sent) RowsOf(MailboxFolder folder) => folder switch
    {
        MailboxFolder.Inbox => (ParticipantState.Active, false),
        MailboxFolder.Sent => (ParticipantState.Active, true),
        MailboxFolder.Archive => (ParticipantState.Archived, false),
        MailboxFolder.Trash => (ParticipantState.Deleted, false),
        _ => throw new ArgumentOutOfRangeException(nameof(folder)),
    };

    /// <summary>Up to <paramref name="take"/> rows of a folder (see <see cref="RowsOf"/>): the newest, older than <paramref name="before"/>, or newer than <paramref name="after"/> (oldest first).</summary>
    public IAsyncEnumerable<ThreadRow> ReadFolder(DbContext c, string userId, ParticipantState state, bool sent, KeysetCursor? before, KeysetCursor? after, int take)
    {
        var read = (sent, before, after) switch
        {
            (true, { }, _) => SentBefore,
            (true, _, { }) => SentAfter,
            (true, _, _) => Sent,
            (false, { }, _) => InStateBefore,
            (false, _, { }) => InStateAfter,
            _ => InState,
        };
        var cursor = before ?? after;
        return read(c, userId, state, ParticipantState.Archived, true, cursor?.At ?? default, cursor?.Id ?? 0, take);
    }

    /// <summary>Up to <paramref name="take"/> messages of a thread: the newest, older than <paramref name="before"/>, or newer than <paramref name="after"/> (oldest first).</summary>
    public IAsyncEnumerable<MessageRow> ReadMessages(DbContext c, long threadId, KeysetCursor? before, KeysetCursor? after, int take) => (before, after) switch
    {
        ({ } b, _) => MessagesBefore(c, threadId, b.At, b.Id, take),
        (_, { } a) => MessagesAfter(c, threadId, a.At, a.Id, take),
        _ => NewestMessages(c, threadId, take),
    };

    /// <summary><see cref="WithThreads"/> over <paramref name="rows"/>, written out as one query and compiled.</summary>
    private static FolderRead CompileFolder(
        Expression<FolderRows> rows)
    {
        var parameters = rows.Parameters;
        var body = Inline(WithThreads, parameters[0], rows.Body, parameters[1]);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, string, ParticipantState, ParticipantState, bool, DateTime, long, int, IQueryable<ThreadRow>>>(body, parameters));
    }

    /// <summary>The body of <paramref name="lambda"/> with its parameters replaced by <paramref name="arguments"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, params Expression[] arguments)
        => new Substitution(lambda.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(lambda.Body);

    /// <summary>A thread on a folder or search page, as read.</summary>
    internal sealed class ThreadRow
    {
        public long ThreadId { get; init; }

        public bool IsUnread { get; init; }

        public ParticipantState State { get; init; }

        public DateTime LatestMessageAt { get; init; }

        public string Subject { get; init; } = string.Empty;

        public string SenderId { get; init; } = string.Empty;

        public string Excerpt { get; init; } = string.Empty;

        public string OtherIds { get; init; } = string.Empty;

        /// <summary>The other people's ids, in ordinal order (the databases join them in no set order).</summary>
        public string[] Others => field ??= OtherIds.Split(IdSeparator, StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
            => replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }

    /// <summary>The reader's side of a thread, as the thread page needs it.</summary>
    internal sealed class HeaderRow
    {
        public bool IsUnread { get; init; }

        public ParticipantState State { get; init; }

        public long? LastReadMessageId { get; init; }

        public string Subject { get; init; } = string.Empty;

        public List<string> Participants { get; init; } = [];
    }

    /// <summary>One message as the thread page needs it.</summary>
    internal sealed class MessageRow
    {
        public long Id { get; init; }

        public string SenderId { get; init; } = string.Empty;

        public DateTime SentAt { get; init; }

        public string Content { get; init; } = string.Empty;

        public MessageKind Kind { get; init; }

        public string? AboutUserId { get; init; }
    }
}
