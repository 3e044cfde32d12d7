using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Store;

/// <summary>
/// Sending as the SQL store's statements: one command reads a reply's or a new thread's checks, one inserts
/// the message (and the thread), one writes the rest; each text is written once per model and shape.
/// </summary>
/// <remarks>
/// The counters stay exact under concurrency: on PostgreSQL a reply updates (and so locks) the
/// participant rows first, then flips and counts those whose counted flag disagrees with their new
/// state, in one statement. On SQLite a write transaction holds the database's write lock from its
/// first write (the message), so a reply counts the changes from the rows as they are just before
/// the update that makes them.
/// </remarks>
internal sealed class SendingStatements
{
    private readonly StatementTemplates<Shape> templates;
    private readonly IReadOnlyDictionary<string, RelationalTypeMapping> mappings;
    private readonly RelationalTypeMapping userMapping;
    private readonly bool postgres;

    private SendingStatements(IReadOnlyDictionary<string, RelationalTypeMapping> mappings, RelationalTypeMapping userMapping, bool postgres)
        => (this.mappings, this.userMapping, this.postgres, templates) = (mappings, userMapping, postgres, new(Build));

    private enum Kind
    {
        ReplyChecks,
        ReplyMessage,
        ReplyWrite,
        ThreadChecks,
        ThreadInsert,
        ThreadWrite,
    }

    /// <summary>Reads what replying in <paramref name="threadId"/> as <paramref name="userId"/> is checked against; a limit of 0 is off and reads nothing.</summary>
    public async Task<ReplyChecks> ReadReplyChecksAsync(DbContext context, string userId, long threadId, SendingQuota quota, CancellationToken cancellationToken)
    {
        var values = QuotaValues(userId, quota);
        values["thread"] = threadId;
        values["gone"] = ThreadAccess.Gone;
        var shape = new Shape(Kind.ReplyChecks, 0, LimitsOn(quota with { NewThreadsPerDay = 0 }));
        var checks = await StatementRunner.ReadAsync(context, templates.For(context, shape), values, static async (reader, ct) =>
        {
            var row = reader.DbDataReader;
            var (participants, subject, requested) = (new List<string>(), (string?)null, new HashSet<string>(StringComparer.Ordinal));
            while (await row.ReadAsync(ct))
            {
                participants.Add(row.GetString(0));
                subject = row.GetString(1);
                if ((ParticipantState)row.GetInt32(2) == ParticipantState.Request)
                {
                    requested.Add(row.GetString(0));
                }
            }

            await row.NextResultAsync(ct);
            var blockers = await ReadIdsAsync(row, ct);
            await row.NextResultAsync(ct);
            return new ReplyChecks(participants, subject, blockers, await ReadHistoryAsync(row, ct), requested);
        }, cancellationToken);
        return checks with { History = SameLimitsRead(checks.History, quota) };
    }

    /// <summary>
    /// Writes the reply of <paramref name="userId"/> in <paramref name="threadId"/> (call it in a transaction):
    /// the message after the thread's row lock, no earlier than the thread's latest; everything else as
    /// <see cref="IMessageStore.WriteReplyAsync"/> says. Returns the message's id and time.
    /// </summary>
    public async Task<(long Id, DateTime SentAt)> WriteReplyAsync(
        DbContext context, string userId, long threadId, DateTime now, MessageText text, NotificationTimes? notify, IReadOnlyList<string> refusing, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(16)
        {
            ["user"] = userId, ["thread"] = threadId, ["now"] = now, ["content"] = text.Content, ["html"] = text.Html, ["text"] = MessageKind.Text, ["stamp"] = Guid.NewGuid().ToString(),
        };
        var (messageId, sentAt) = await StatementRunner.ReadAsync(context, templates.For(context, new(Kind.ReplyMessage, 0, 0)), values, static async (reader, ct) =>
            await reader.ReadAsync(ct)
                ? (reader.DbDataReader.GetInt64(0), StoredTime.ReadUtc(reader.DbDataReader, 1))
                : throw new InvalidOperationException("The message's insert returned no id."),
            cancellationToken);

        (values["message"], values["now"], values["gone"], values["active"], values["request"]) = (messageId, sentAt, ThreadAccess.Gone, ParticipantState.Active, ParticipantState.Request);
        AddNotificationValues(values, notify, refusing);
        await StatementRunner.ExecuteAsync(context, templates.For(context, new(Kind.ReplyWrite, notify is null ? 0 : refusing.Count, notify is null ? 0 : 1)), values, cancellationToken);
        return (messageId, sentAt);
    }

    /// <summary>
    /// Reads what a new thread from <paramref name="userId"/> to <paramref name="recipients"/> is checked against (with
    /// <paramref name="readAcquainted"/>, who has exchanged messages with the sender); a limit of 0 is off and reads nothing.
    /// </summary>
    public async Task<NewThreadChecks> ReadThreadChecksAsync(
        DbContext context, string userId, IReadOnlyList<string> recipients, SendingQuota quota, bool readAcquainted, CancellationToken cancellationToken)
    {
        var values = QuotaValues(userId, quota);
        AddRecipientValues(values, recipients);
        var shape = new Shape(Kind.ThreadChecks, recipients.Count, LimitsOn(quota) | (readAcquainted ? AcquaintedFlag : 0));
        var checks = await StatementRunner.ReadAsync(context, templates.For(context, shape), values, async (reader, ct) =>
        {
            var row = reader.DbDataReader;
            var blockers = await ReadIdsAsync(row, ct);
            await row.NextResultAsync(ct);
            var acquainted = new HashSet<string>(StringComparer.Ordinal);
            if (readAcquainted)
            {
                acquainted = await ReadIdsAsync(row, ct);
                await row.NextResultAsync(ct);
            }

            return new NewThreadChecks(blockers, await ReadHistoryAsync(row, ct), acquainted);
        }, cancellationToken);
        return checks with { History = SameLimitsRead(checks.History, quota) };
    }

    /// <summary>
    /// Writes a new thread from <paramref name="userId"/> to <paramref name="recipients"/> (in ordinal order;
    /// call it in a transaction), as <see cref="IMessageStore.WriteThreadAsync"/> says. Returns the thread's and the message's ids.
    /// </summary>
    public async Task<(long ThreadId, long MessageId)> WriteThreadAsync(
        DbContext context, string userId, IReadOnlyList<string> recipients, IReadOnlySet<string> requested, string subject, MessageText text, DateTime now, NotificationTimes? notify, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(16 + recipients.Count)
        {
            ["user"] = userId,
            ["subject"] = subject,
            ["content"] = text.Content,
            ["html"] = text.Html,
            ["now"] = now,
            ["text"] = MessageKind.Text,
            ["stamp"] = Guid.NewGuid().ToString(),
        };
        var (threadId, messageId) = await StatementRunner.ReadAsync(context, templates.For(context, new(Kind.ThreadInsert, 0, 0)), values, static async (reader, ct) =>
            await reader.ReadAsync(ct) ? (reader.DbDataReader.GetInt64(0), reader.DbDataReader.GetInt64(1)) : throw new InvalidOperationException("The thread's insert returned no ids."),
            cancellationToken);

        (values["thread"], values["message"], values["gone"], values["active"], values["yes"], values["no"]) = (threadId, messageId, ThreadAccess.Gone, ParticipantState.Active, true, false);
        values["request"] = ParticipantState.Request;
        AddRecipientValues(values, recipients);
        for (var i = 0; i < recipients.Count; i++)
        {
            // A request waits in the Requests folder: neither in the inbox nor counted.
            var inbox = !requested.Contains(recipients[i]);
            (values["state" + i], values["counted" + i], values["count" + i]) = (inbox ? ParticipantState.Active : ParticipantState.Request, inbox, inbox ? 1 : 0);
        }

        AddNotificationValues(values, notify, []);
        await StatementRunner.ExecuteAsync(context, templates.For(context, new(Kind.ThreadWrite, recipients.Count, notify is null ? 0 : 1)), values, cancellationToken);
        return (threadId, messageId);
    }

    private static Dictionary<string, object?> QuotaValues(string userId, SendingQuota quota) => new(16)
    {
        ["user"] = userId,
        ["now"] = quota.Now,
        ["dayAgo"] = quota.DayAgo,
        ["text"] = MessageKind.Text,
        ["minuteSkip"] = quota.PerMinute - 1,
        ["daySkip"] = quota.PerDay - 1,
        ["threadSkip"] = quota.NewThreadsPerDay - 1,
    };

    /// <summary>
    /// Which N-th newest times a checks statement reads. A per-minute limit equal to the per-day one
    /// reads nothing of its own: both are the same N-th newest message (see <see cref="SameLimitsRead"/>).
    /// </summary>
    private const int AcquaintedFlag = 8;

    private static int LimitsOn(SendingQuota quota)
        => (quota.PerMinute > 0 && quota.PerMinute != quota.PerDay ? 1 : 0) | (quota.PerDay > 0 ? 2 : 0) | (quota.NewThreadsPerDay > 0 ? 4 : 0);

    /// <summary>The history with the per-minute limit's time copied from the per-day one's when the two limits are equal.</summary>
    private static SendingHistory SameLimitsRead(SendingHistory history, SendingQuota quota)
        => quota.PerMinute == quota.PerDay ? history with { NthNewestForMinute = history.NthNewestForDay } : history;

    private static void AddRecipientValues(Dictionary<string, object?> values, IReadOnlyList<string> recipients)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            values["recipient" + i] = recipients[i];
        }
    }

    private static void AddNotificationValues(Dictionary<string, object?> values, NotificationTimes? notify, IReadOnlyList<string> refusing)
    {
        if (notify is not { } times)
        {
            return;
        }

        (values["due"], values["deadline"], values["awaits"], values["yes"], values["no"]) = (times.DueAt, times.DeadlineAt, times.AwaitsQuiet, true, false);
        for (var i = 0; i < refusing.Count; i++)
        {
            values["refusing" + i] = refusing[i];
        }
    }

    private static async Task<HashSet<string>> ReadIdsAsync(DbDataReader row, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await row.ReadAsync(cancellationToken))
        {
            ids.Add(row.GetString(0));
        }

        return ids;
    }

    private static async Task<SendingHistory> ReadHistoryAsync(DbDataReader row, CancellationToken cancellationToken)
    {
        await row.ReadAsync(cancellationToken);
        DateTime? Time(int column) => row.IsDBNull(column) ? null : StoredTime.ReadUtc(row, column);
        return new SendingHistory(Time(0), Time(1), Time(2)) { Suspension = row.IsDBNull(3) ? null : new Suspension(Time(4)) };
    }

    private IRelationalCommandTemplate Build(DbContext context, Shape shape)
    {
        // Parameters recipient0, recipient1, ... are recipients; refusing0, refusing1, ... those refusing a replier.
        var withPeople = new Dictionary<string, RelationalTypeMapping>(mappings);
        for (var i = 0; i < shape.People; i++)
        {
            (withPeople["recipient" + i], withPeople["refusing" + i]) = (userMapping, userMapping);
            (withPeople["state" + i], withPeople["counted" + i], withPeople["count" + i]) = (mappings["active"], mappings["yes"], mappings["minuteSkip"]);
        }

        var sql = new Sql(new SqlNames(context), new StatementWriter(context, withPeople), postgres);
        return shape.Kind switch
        {
            Kind.ReplyChecks => sql.ReplyChecks(shape.Flags),
            Kind.ReplyMessage => sql.ReplyMessage(),
            Kind.ReplyWrite => sql.ReplyWrite(notify: shape.Flags != 0, refusing: shape.People),
            Kind.ThreadChecks => sql.ThreadChecks(shape.People, shape.Flags & ~AcquaintedFlag, acquainted: (shape.Flags & AcquaintedFlag) != 0),
            Kind.ThreadInsert => sql.ThreadInsert(),
            _ => sql.ThreadWrite(shape.People, notify: shape.Flags != 0),
        };
    }

    /// <summary>The statements for <paramref name="context"/>'s model (one the SQL store serves).</summary>
    public static SendingStatements Create(DbContext context)
    {
        var model = context.Model;
        var participants = model.FindEntityType(typeof(ThreadParticipant))!;
        var threads = model.FindEntityType(typeof(MessageThread))!;
        var messages = model.FindEntityType(typeof(Message))!;
        var pending = model.FindEntityType(typeof(PendingNotification))!;
        RelationalTypeMapping MappingOf(IEntityType entity, string name) => entity.FindProperty(name)!.GetRelationalTypeMapping();
        var number = context.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(int))!;
        var mappings = new Dictionary<string, RelationalTypeMapping>
        {
            ["user"] = MappingOf(participants, nameof(ThreadParticipant.UserId)),
            ["thread"] = MappingOf(participants, nameof(ThreadParticipant.ThreadId)),
            ["gone"] = MappingOf(participants, nameof(ThreadParticipant.State)),
            ["active"] = MappingOf(participants, nameof(ThreadParticipant.State)),
            ["request"] = MappingOf(participants, nameof(ThreadParticipant.State)),
            ["dayAgo"] = MappingOf(messages, nameof(Message.SentAt)),
            ["now"] = MappingOf(messages, nameof(Message.SentAt)),
            ["text"] = MappingOf(messages, nameof(Message.Kind)),
            ["content"] = MappingOf(messages, nameof(Message.Content)),
            ["html"] = MappingOf(messages, nameof(Message.ContentHtml)),
            ["subject"] = MappingOf(threads, nameof(MessageThread.Subject)),
            ["minuteSkip"] = number,
            ["daySkip"] = number,
            ["threadSkip"] = number,
            ["message"] = MappingOf(messages, nameof(Message.Id)),
            ["stamp"] = MappingOf(threads, nameof(MessageThread.ConcurrencyStamp)),
            ["due"] = MappingOf(pending, nameof(PendingNotification.DueAt)),
            ["deadline"] = MappingOf(pending, nameof(PendingNotification.DeadlineAt)),
            ["awaits"] = MappingOf(pending, PendingNotificationConfiguration.AwaitsQuiet),
            ["yes"] = MappingOf(pending, PendingNotificationConfiguration.AwaitsQuiet),
            ["no"] = MappingOf(pending, PendingNotificationConfiguration.AwaitsQuiet),
        };
        return new SendingStatements(mappings, MappingOf(participants, nameof(ThreadParticipant.UserId)), context.Database.ProviderName == DatabaseProviders.Postgres);
    }

    /// <summary>A statement's kind, how many people it names (recipients, or those refusing a replier), and its flags (limits on, notifications on).</summary>
    private readonly record struct Shape(Kind Kind, int People, int Flags);

    /// <summary>The statements' text, in the host's table and column names.</summary>
    private sealed class Sql(SqlNames names, StatementWriter statement, bool postgres)
    {
        public IRelationalCommandTemplate ReplyChecks(int limits)
        {
            var (thread, user) = (statement.Value("thread"), statement.Value("user"));

            // The people who may see the thread, with its subject.
            statement
                .Append($"SELECT {Participant("p", nameof(ThreadParticipant.UserId))}, t.{Thread(nameof(MessageThread.Subject))}, {Participant("p", nameof(ThreadParticipant.State))} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} p INNER JOIN {names.Table<MessageThread>()} t ON t.{Thread(nameof(MessageThread.Id))} = {Participant("p", nameof(ThreadParticipant.ThreadId))} ")
                .Append($"WHERE {Participant("p", nameof(ThreadParticipant.ThreadId))} = {thread} AND {MaySee("p")};\n");

            // Those of the others who blocked the replier.
            AppendBlockers($"SELECT {Participant("o", nameof(ThreadParticipant.UserId))} FROM {names.Table<ThreadParticipant>()} o "
                + $"WHERE {Participant("o", nameof(ThreadParticipant.ThreadId))} = {thread} AND {MaySee("o")} AND {Participant("o", nameof(ThreadParticipant.UserId))} <> {user}");
            return AppendHistory(limits).Build();
        }

        /// <summary>The thread's row lock first, then the message, no earlier than the thread's latest (SPEC §3.9).</summary>
        public IRelationalCommandTemplate ReplyMessage()
        {
            var (thread, now, sentAt) = (statement.Value("thread"), statement.Value("now"), MessageColumn(nameof(Message.SentAt)));
            var latest = $"(SELECT MAX(l.{sentAt}) FROM {names.Table<Message>()} l WHERE l.{MessageColumn(nameof(Message.ThreadId))} = {thread})";
            return statement
                .Append($"UPDATE {names.Table<MessageThread>()} SET {Thread(nameof(MessageThread.ConcurrencyStamp))} = {statement.Value("stamp")} WHERE {Thread(nameof(MessageThread.Id))} = {thread};\n")
                .Append($"INSERT INTO {names.Table<Message>()} ({MessageColumn(nameof(Message.ThreadId))}, {MessageColumn(nameof(Message.SenderId))}, {sentAt}, {MessageColumn(nameof(Message.Content))}, {MessageColumn(nameof(Message.ContentHtml))}, {MessageColumn(nameof(Message.Kind))}) ")
                .Append($"SELECT {thread}, {statement.Value("user")}, CASE WHEN {latest} > {now} THEN {latest} ELSE {now} END, {statement.Value("content")}, {statement.Value("html")}, {statement.Value("text")} ")
                .Append($"RETURNING {MessageColumn(nameof(Message.Id))}, {sentAt}")
                .Build();
        }

        public IRelationalCommandTemplate ReplyWrite(bool notify, int refusing)
        {
            var (thread, user, active, now, message) = (statement.Value("thread"), statement.Value("user"), statement.Value("active"), statement.Value("now"), statement.Value("message"));

            // The thread's latest message moves forward, never back (concurrent replies may commit out of order).
            var (latestAt, latestId) = (Thread(nameof(MessageThread.LatestMessageAt)), Thread(nameof(MessageThread.LatestMessageId)));
            statement
                .Append($"UPDATE {names.Table<MessageThread>()} SET {latestId} = CASE WHEN {latestAt} <= {now} THEN {message} ELSE {latestId} END, ")
                .Append($"{latestAt} = CASE WHEN {latestAt} <= {now} THEN {now} ELSE {latestAt} END, {Thread(nameof(MessageThread.ConcurrencyStamp))} = {statement.Value("stamp")} ")
                .Append($"WHERE {Thread(nameof(MessageThread.Id))} = {thread};\n");

            var (userId, state, counted, unread) = (Participant(nameof(ThreadParticipant.UserId)), Participant(nameof(ThreadParticipant.State)), Participant(ThreadParticipantConfiguration.CountedUnread), Participant(nameof(ThreadParticipant.IsUnread)));
            var inThread = $"{Participant(nameof(ThreadParticipant.ThreadId))} = {thread} AND {ThreadAccess.MaySeeSql(state, statement.Value("gone"))}";

            // After the reply everyone else's row is in the inbox and unread (counted), unless it is a request, which stays
            // one (not counted); the replier's is read (not counted), and a request they answer is accepted.
            var request = statement.Value("request");
            var staysRequest = $"({state} = {request} AND {userId} <> {user})";
            var muted = Participant(nameof(ThreadParticipant.IsMuted));
            var countedAfter = $"({userId} <> {user} AND {state} <> {request} AND NOT {muted})";
            if (!postgres)
            {
                AppendToCounters($"SELECT {userId}, CASE WHEN {countedAfter} THEN 1 ELSE -1 END FROM {names.Table<ThreadParticipant>()} WHERE {inThread} AND {counted} <> {countedAfter} ORDER BY {userId}");
            }

            var (lastRead, changedAt, latest, hasSent) = (Participant(nameof(ThreadParticipant.LastReadMessageId)), Participant(nameof(ThreadParticipant.StateChangedAt)), Participant(nameof(ThreadParticipant.LatestMessageAt)), Participant(nameof(ThreadParticipant.HasSent)));
            statement
                .Append($"UPDATE {names.Table<ThreadParticipant>()} SET {unread} = ({userId} <> {user}), ")
                .Append($"{changedAt} = CASE WHEN {state} = {active} OR {staysRequest} THEN {changedAt} ELSE {now} END, ")
                .Append($"{state} = CASE WHEN {staysRequest} THEN {request} ELSE {active} END, ")
                .Append($"{hasSent} = ({hasSent} OR {userId} = {user}), {lastRead} = CASE WHEN {userId} = {user} THEN {message} ELSE {lastRead} END, ")
                .Append($"{latest} = CASE WHEN {latest} <= {now} THEN {now} ELSE {latest} END")
                .Append(postgres ? string.Empty : $", {counted} = {countedAfter}")
                .Append($" WHERE {inThread};\n");

            if (postgres)
            {
                // The rows are locked by the update above: flip and count those whose flag disagrees, once.
                statement
                    .Append($"WITH changed AS (UPDATE {names.Table<ThreadParticipant>()} SET {counted} = NOT {counted} ")
                    .Append($"WHERE {Participant(nameof(ThreadParticipant.ThreadId))} = {thread} AND {counted} <> ({state} = {active} AND {unread} AND NOT {muted}) RETURNING {userId}, {counted}) ");
                AppendToCounters($"SELECT {userId}, CASE WHEN {counted} THEN 1 ELSE -1 END FROM changed ORDER BY {userId}");
            }

            if (notify)
            {
                AppendNotifications(Enumerable.Range(0, refusing).Select(i => "refusing" + i));
            }

            return statement.Build();
        }

        public IRelationalCommandTemplate ThreadChecks(int recipients, int limits, bool acquainted)
        {
            var people = string.Join(", ", Enumerable.Range(0, recipients).Select(i => statement.Value("recipient" + i)));
            AppendBlockers(people);
            if (acquainted)
            {
                // The recipients who have exchanged messages with the sender (Acquaintance).
                var userId = Participant("r", nameof(ThreadParticipant.UserId));
                statement
                    .Append($"SELECT DISTINCT {userId} FROM {names.Table<ThreadParticipant>()} r WHERE {userId} IN ({people}) ")
                    .Append($"AND {Acquaintance.KnowsSql(Participant("r", nameof(ThreadParticipant.State)), Participant("r", nameof(ThreadParticipant.HasSent)))} ")
                    .Append($"AND EXISTS (SELECT 1 FROM {names.Table<ThreadParticipant>()} s WHERE {Participant("s", nameof(ThreadParticipant.ThreadId))} = {Participant("r", nameof(ThreadParticipant.ThreadId))} ")
                    .Append($"AND {Participant("s", nameof(ThreadParticipant.UserId))} = {statement.Value("user")});\n");
            }

            return AppendHistory(limits).Build();
        }

        public IRelationalCommandTemplate ThreadInsert()
        {
            var now = statement.Value("now");
            var columns = $"INSERT INTO {names.Table<MessageThread>()} ({Thread(nameof(MessageThread.Subject))}, {Thread(nameof(MessageThread.CreatedAt))}, {Thread(nameof(MessageThread.CreatedById))}, "
                + $"{Thread(nameof(MessageThread.LatestMessageAt))}, {Thread(nameof(MessageThread.LatestMessageId))}, {Thread(nameof(MessageThread.ConcurrencyStamp))}) "
                + $"VALUES ({statement.Value("subject")}, {now}, {statement.Value("user")}, {now}, 0, {statement.Value("stamp")})";
            var message = $"INSERT INTO {names.Table<Message>()} ({MessageColumn(nameof(Message.ThreadId))}, {MessageColumn(nameof(Message.SenderId))}, {MessageColumn(nameof(Message.SentAt))}, {MessageColumn(nameof(Message.Content))}, {MessageColumn(nameof(Message.ContentHtml))}, {MessageColumn(nameof(Message.Kind))}) ";
            var values = $"{statement.Value("user")}, {now}, {statement.Value("content")}, {statement.Value("html")}, {statement.Value("text")}";
            var returning = $" RETURNING {MessageColumn(nameof(Message.ThreadId))}, {MessageColumn(nameof(Message.Id))}";

            // The message needs the thread's new id: from the insert's RETURNING on PostgreSQL, last_insert_rowid() on SQLite.
            return (postgres
                    ? statement.Append($"WITH thread AS ({columns} RETURNING {Thread(nameof(MessageThread.Id))}) {message}SELECT thread.{Thread(nameof(MessageThread.Id))}, {values} FROM thread{returning}")
                    : statement.Append($"{columns};\n{message}VALUES (last_insert_rowid(), {values}){returning}"))
                .Build();
        }

        public IRelationalCommandTemplate ThreadWrite(int recipients, bool notify)
        {
            var (thread, user, now, message, active) = (statement.Value("thread"), statement.Value("user"), statement.Value("now"), statement.Value("message"), statement.Value("active"));
            statement.Append($"UPDATE {names.Table<MessageThread>()} SET {Thread(nameof(MessageThread.LatestMessageId))} = {message} WHERE {Thread(nameof(MessageThread.Id))} = {thread};\n");

            // The sender has read their own message; each recipient has it unread, in their inbox, counted.
            var (yes, no) = (statement.Value("yes"), statement.Value("no"));
            statement
                .Append($"INSERT INTO {names.Table<ThreadParticipant>()} ({Participant(nameof(ThreadParticipant.ThreadId))}, {Participant(nameof(ThreadParticipant.UserId))}, {Participant(nameof(ThreadParticipant.IsUnread))}, ")
                .Append($"{Participant(nameof(ThreadParticipant.State))}, {Participant(nameof(ThreadParticipant.StateChangedAt))}, {Participant(nameof(ThreadParticipant.HasSent))}, {Participant(nameof(ThreadParticipant.LatestMessageAt))}, ")
                .Append($"{Participant(nameof(ThreadParticipant.LastReadMessageId))}, {Participant(nameof(ThreadParticipant.JoinedAt))}, {Participant(ThreadParticipantConfiguration.CountedUnread)}, ")
                .Append($"{Participant(nameof(ThreadParticipant.IsMuted))}) VALUES ")
                .Append($"({thread}, {user}, {no}, {active}, {now}, {yes}, {now}, {message}, {now}, {no}, {no})");
            for (var i = 0; i < recipients; i++)
            {
                statement.Append($", ({thread}, {statement.Value("recipient" + i)}, {yes}, {statement.Value("state" + i)}, {now}, {no}, {now}, NULL, {now}, {statement.Value("counted" + i)}, {no})");
            }

            statement.Append(";\n");
            AppendToCounters("VALUES " + string.Join(", ", Enumerable.Range(0, recipients).Select(i => $"({statement.Value("recipient" + i)}, {statement.Value("count" + i)})")));
            if (notify)
            {
                AppendNotifications([]);
            }

            return statement.Build();
        }

        private string Participant(string alias, string property) => alias + "." + names.Column<ThreadParticipant>(property);

        private string Participant(string property) => names.Column<ThreadParticipant>(property);

        private string Thread(string property) => names.Column<MessageThread>(property);

        private string MessageColumn(string property) => names.Column<Message>(property);

        /// <summary>The access rule on the participant row aliased <paramref name="alias"/>.</summary>
        private string MaySee(string alias) => ThreadAccess.MaySeeSql(Participant(alias, nameof(ThreadParticipant.State)), statement.Value("gone"));

        /// <summary>Reads those of <paramref name="people"/> (a list or a subquery) who blocked the sender.</summary>
        private void AppendBlockers(string people)
        {
            var blocker = "b." + names.Column<UserBlock>(nameof(UserBlock.BlockerId));
            statement.Append($"SELECT {blocker} FROM {names.Table<UserBlock>()} b WHERE b.{names.Column<UserBlock>(nameof(UserBlock.BlockedId))} = {statement.Value("user")} AND {blocker} IN ({people});\n");
        }

        /// <summary>
        /// Reads the sender's N-th newest message of the last day for each message limit N that is on, and
        /// their N-th newest started thread for the thread limit (<c>NULL</c> for each one off); then whether
        /// a suspension is in force, and its end.
        /// </summary>
        private StatementWriter AppendHistory(int limits)
        {
            var user = statement.Value("user");
            string NthNewest(int bit, string at, Func<string> from, string skip)
                => (limits & bit) == 0 ? "NULL" : $"(SELECT {at} FROM {from()} AND {at} > {statement.Value("dayAgo")} ORDER BY {at} DESC LIMIT 1 OFFSET {statement.Value(skip)})";
            string Sent() => $"{names.Table<Message>()} m WHERE m.{MessageColumn(nameof(Message.SenderId))} = {user} AND m.{MessageColumn(nameof(Message.Kind))} = {statement.Value("text")}";
            string Started() => $"{names.Table<MessageThread>()} s WHERE s.{Thread(nameof(MessageThread.CreatedById))} = {user}";
            var (sentAt, startedAt) = ("m." + MessageColumn(nameof(Message.SentAt)), "s." + Thread(nameof(MessageThread.CreatedAt)));
            var suspended = $"FROM {names.Table<MessagingSuspension>()} x WHERE x.{names.Column<MessagingSuspension>(nameof(MessagingSuspension.UserId))} = {user}";
            var endsAt = "x." + names.Column<MessagingSuspension>(nameof(MessagingSuspension.EndsAt));
            return statement.Append($"SELECT {NthNewest(1, sentAt, Sent, "minuteSkip")}, {NthNewest(2, sentAt, Sent, "daySkip")}, {NthNewest(4, startedAt, Started, "threadSkip")}, ")
                .Append($"(SELECT 1 {suspended} AND ({endsAt} IS NULL OR {endsAt} > {statement.Value("now")})), (SELECT {endsAt} {suspended})");
        }

        /// <summary>Adds <paramref name="rows"/> (a query or <c>VALUES</c> of user and change, in user order) to the users' counters, creating missing ones.</summary>
        private void AppendToCounters(string rows)
        {
            var (user, unread) = (names.Column<MailboxCounter>(nameof(MailboxCounter.UserId)), names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads)));
            statement.Append($"INSERT INTO {names.Table<MailboxCounter>()} ({user}, {unread}) {rows} ")
                .Append($"ON CONFLICT ({user}) DO UPDATE SET {unread} = {names.TableName<MailboxCounter>()}.{unread} + excluded.{unread};\n");
        }

        /// <summary>
        /// What waits for each recipient waits for this message too, and each gets a row of their own:
        /// everyone else who may see the thread but <paramref name="refusing"/> (parameter names) and
        /// those who turned notifications off.
        /// </summary>
        private void AppendNotifications(IEnumerable<string> refusing)
        {
            string Pending(string property) => names.Column<PendingNotification>(property);
            var no = statement.Value("no");
            var recipients = $"{Participant("q", nameof(ThreadParticipant.ThreadId))} = {statement.Value("thread")} AND {MaySee("q")} "
                + $"AND {Participant("q", nameof(ThreadParticipant.State))} <> {statement.Value("request")} "
                + $"AND {Participant("q", nameof(ThreadParticipant.UserId))} <> {statement.Value("user")} AND NOT {Participant("q", nameof(ThreadParticipant.IsMuted))} "
                + $"AND NOT EXISTS (SELECT 1 FROM {names.Table<MessagingPreferences>()} s WHERE s.{names.Column<MessagingPreferences>(nameof(MessagingPreferences.UserId))} = {Participant("q", nameof(ThreadParticipant.UserId))} "
                + $"AND s.{names.Column<MessagingPreferences>(nameof(MessagingPreferences.NotifyByEmail))} = {no})";
            var excluded = string.Join(", ", refusing.Select(statement.Value));
            if (excluded.Length > 0)
            {
                recipients += $" AND {Participant("q", nameof(ThreadParticipant.UserId))} NOT IN ({excluded})";
            }

            var (awaits, recipient) = (Pending(PendingNotificationConfiguration.AwaitsQuiet), $"SELECT {Participant("q", nameof(ThreadParticipant.UserId))}");
            statement
                .Append($"UPDATE {names.Table<PendingNotification>()} SET {Pending(nameof(PendingNotification.DueAt))} = {Pending(nameof(PendingNotification.DeadlineAt))}, {awaits} = {no} ")
                .Append($"WHERE {awaits} = {statement.Value("yes")} AND {Pending(nameof(PendingNotification.RecipientId))} IN ({recipient} FROM {names.Table<ThreadParticipant>()} q WHERE {recipients});\n")
                .Append($"INSERT INTO {names.Table<PendingNotification>()} ({Pending(nameof(PendingNotification.RecipientId))}, {Pending(nameof(PendingNotification.ThreadId))}, ")
                .Append($"{Pending(nameof(PendingNotification.MessageId))}, {Pending(nameof(PendingNotification.DueAt))}, {Pending(nameof(PendingNotification.DeadlineAt))}, {awaits}) ")
                .Append($"{recipient}, {statement.Value("thread")}, {statement.Value("message")}, {statement.Value("due")}, {statement.Value("deadline")}, {statement.Value("awaits")} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} q WHERE {recipients} ORDER BY {Participant("q", nameof(ThreadParticipant.UserId))}");
        }
    }
}
