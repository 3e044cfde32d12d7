using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;
using FolderRead = System.Func<Microsoft.EntityFrameworkCore.DbContext, string, UserMessages.Domain.ParticipantState, UserMessages.Domain.ParticipantState, bool, System.DateTime, long, int, System.Collections.Generic.IAsyncEnumerable<UserMessages.Store.ThreadRow>>;

namespace UserMessages.Store;

/// <summary>
/// The portable store's reads that every page makes, compiled once per EF Core model (a compiled
/// query is tied to the model it first ran with): folder pages, the thread page, and the unread
/// counters as statements of their own.
/// </summary>
internal sealed class CompiledQueries
{
    private static readonly ConditionalWeakTable<IModel, CompiledQueries> PerModel = [];

    private readonly IRelationalCommandTemplate unreadCount;

    private readonly IRelationalCommandTemplate counter;

    private readonly IdListStatement unreadCounts;

    private CompiledQueries(DbContext context)
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
        counter = builders.Create()
            .Append($"SELECT {unreadColumn}, {names.Column<MailboxCounter>(nameof(MailboxCounter.Version))} FROM {table} WHERE {userColumn} = ")
            .AddParameter("p0", sql.GenerateParameterName("p0"), user, nullable: false)
            .Append(sql.GenerateParameterNamePlaceholder("p0"))
            .Build();
        unreadCounts = new IdListStatement(context, $"SELECT {userColumn}, {unreadColumn} FROM {table} WHERE {userColumn} IN (", user);
    }

    /// <summary>The compiled queries of <paramref name="context"/>'s model.</summary>
    public static CompiledQueries For(DbContext context)
        => PerModel.TryGetValue(context.Model, out var queries) ? queries : PerModel.GetValue(context.Model, _ => new CompiledQueries(context));

    /// <summary>The unread threads in a user's inbox: the counter row, 0 without one (a statement of its own: it is on every page of the host's site).</summary>
    public Task<int> UnreadCountAsync(DbContext context, string userId, CancellationToken cancellationToken)
        => StatementRunner.ReadAsync(context, unreadCount, new Dictionary<string, object?>(1) { ["p0"] = userId }, static async (reader, ct) =>
            await reader.ReadAsync(ct) && !reader.DbDataReader.IsDBNull(0) ? Convert.ToInt32(reader.DbDataReader.GetValue(0), CultureInfo.InvariantCulture) : 0,
            cancellationToken);

    /// <summary>A user's counter row: their unread threads and the version of their pages; null without one.</summary>
    public Task<(int Unread, long Version)?> CounterAsync(DbContext context, string userId, CancellationToken cancellationToken)
        => StatementRunner.ReadAsync(context, counter, new Dictionary<string, object?>(1) { ["p0"] = userId }, static async (reader, ct) =>
            await reader.ReadAsync(ct)
                ? ((int Unread, long Version)?)(Convert.ToInt32(reader.DbDataReader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.DbDataReader.GetValue(1), CultureInfo.InvariantCulture))
                : null,
            cancellationToken);

    /// <summary>The unread threads of each of <paramref name="userIds"/> (distinct; 0 without a counter row): for the live badges after a message is sent.</summary>
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
    public Func<DbContext, long, string, CancellationToken, Task<ThreadHeader?>> ThreadHeader { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, string userId, CancellationToken ct) => c.Set<ThreadParticipant>().AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.UserId == userId).Where(ThreadAccess.MaySee)
            .Select(p => new ThreadHeader
            {
                IsUnread = p.IsUnread,
                IsMuted = p.IsMuted,
                State = p.State,
                LastReadMessageId = p.LastReadMessageId,
                Subject = p.Thread!.Subject,
                About = p.Thread.About,
                Participants = p.Thread.Participants.AsQueryable().Where(ThreadAccess.Listed).OrderBy(o => o.JoinedAt).ThenBy(o => o.UserId)
                    .Select(o => new ParticipantMark(o.UserId, o.LastReadMessageId, !c.Set<MessagingPreferences>().Any(f => f.UserId == o.UserId && !f.ShareReadReceipts)))
                    .ToList(),
            })
            .FirstOrDefault());

    /// <summary>A message as the thread page reads it (inlined into the queries below when they are compiled).</summary>
    private static readonly Expression<Func<Message, MessageRow>> AsMessageRow =
        m => new MessageRow { Id = m.Id, SenderId = m.SenderId, SentAt = m.SentAt, Content = m.Content, ContentHtml = m.ContentHtml, EditedAt = m.EditedAt, Kind = m.Kind, AboutUserId = m.AboutUserId };

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
    /// to a page): each thread's subject, latest message, and the other people who may see it (a
    /// collection EF Core reads in the same statement, without LATERAL joins MariaDB lacks).
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
                IsMuted = p.IsMuted,
                State = p.State,
                LatestMessageAt = p.LatestMessageAt,
                Subject = t.Subject,
                About = t.About,
                SenderId = m.SenderId,
                Excerpt = m.Content.Substring(0, ThreadRow.ExcerptLength + 1),
                OtherIds = c.Set<ThreadParticipant>().Where(o => o.ThreadId == t.Id && o.UserId != userId).Where(ThreadAccess.Listed).Select(o => o.UserId).ToList(),
            };

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
        MailboxFolder.Requests => (ParticipantState.Request, false),
        _ => throw new ArgumentOutOfRangeException(nameof(folder)),
    };

    /// <summary>Up to <paramref name="take"/> rows of a folder (see <see cref="RowsOf"/>) on the page asked for.</summary>
    public IAsyncEnumerable<ThreadRow> ReadFolder(DbContext c, string userId, ParticipantState state, bool sent, KeysetPage page, int take)
    {
        var read = (sent, page.Kind) switch
        {
            (true, PageKind.Older) => SentBefore,
            (true, PageKind.Newer) => SentAfter,
            (true, _) => Sent,
            (false, PageKind.Older) => InStateBefore,
            (false, PageKind.Newer) => InStateAfter,
            _ => InState,
        };
        var cursor = page.Cursor;
        return read(c, userId, state, ParticipantState.Archived, true, cursor?.At ?? default, cursor?.Id ?? 0, take);
    }

    /// <summary>Up to <paramref name="take"/> messages of a thread on the page asked for.</summary>
    public IAsyncEnumerable<MessageRow> ReadMessages(DbContext c, long threadId, KeysetPage page, int take) => page switch
    {
        { Before: { } b } => MessagesBefore(c, threadId, b.At, b.Id, take),
        { After: { } a } => MessagesAfter(c, threadId, a.At, a.Id, take),
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

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
            => replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
