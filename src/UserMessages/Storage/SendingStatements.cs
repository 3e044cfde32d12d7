using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;
using UserMessages.Notifications;
using UserMessages.Storage.Configurations;

namespace UserMessages.Storage;

/// <summary>
/// Sending as SQL the package writes, for SQLite and PostgreSQL, run as <see cref="WrittenStatement"/>s.
/// A reply: one command reads everything its checks need (the people in the thread, which of them
/// blocked the replier, the sending limits' times), one inserts the message, and one writes the
/// rest (the thread's latest message, every participant row, the unread counters of the rows that
/// changed, the queued notifications). A new thread: one command reads the checks (which
/// recipients blocked the sender, the limits' times), one inserts the thread and its first
/// message, and one writes the rest (the thread's latest message, the participant rows, the
/// counters, the notifications). Each text is written once per model and shape (limits on or off,
/// number of people) with the host's table and column names. They write what the service's LINQ
/// sending writes, which still runs where <see cref="For"/> gives null: another database, or
/// tables that are not plainly the package's own (a host's query filter, inheritance, extra
/// columns or converted values).
/// </summary>
/// <remarks>
/// The counters stay exact under concurrency as the LINQ writes keep them: on PostgreSQL a reply
/// updates (and so locks) the participant rows first, then flips and counts the ones whose
/// counted flag disagrees with their new state, in one statement. On SQLite a write transaction
/// holds the database's write lock from its first write (the message), so a reply counts the
/// changes from the rows as they are just before the update that makes them.
/// </remarks>
internal sealed class SendingStatements
{
    private static readonly ConditionalWeakTable<IModel, StrongBox<SendingStatements?>> PerModel = [];

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

    /// <summary>What a reply is checked against, read in one command before it is written.</summary>
    /// <param name="Participants">The people in the thread (everyone but those who left).</param>
    /// <param name="Subject">The thread's subject; null when nobody is in it (or there is no such thread).</param>
    /// <param name="Blockers">Those of the others in the thread who blocked the replier.</param>
    /// <param name="MinuteLimitth">The per-minute limit-th newest of the replier's messages of the last day; null when fewer or the limit is off.</param>
    /// <param name="DayLimitth">The same for the per-day limit.</param>
    public sealed record ReplyChecks(List<string> Participants, string? Subject, HashSet<string> Blockers, DateTime? MinuteLimitth, DateTime? DayLimitth);

    /// <summary>What a new thread is checked against (besides its recipients being known users), read in one command.</summary>
    /// <param name="Blockers">The recipients who blocked the sender.</param>
    /// <param name="MinuteLimitth">The per-minute limit-th newest of the sender's messages of the last day; null when fewer or the limit is off.</param>
    /// <param name="DayLimitth">The same for the per-day limit.</param>
    /// <param name="ThreadLimitth">The new-threads-per-day limit-th newest of the threads the sender started in the last day.</param>
    public sealed record ThreadChecks(HashSet<string> Blockers, DateTime? MinuteLimitth, DateTime? DayLimitth, DateTime? ThreadLimitth);

    /// <summary>The statements for <paramref name="context"/>'s model, or null where the LINQ sending must run.</summary>
    public static SendingStatements? For(DbContext context)
        => (PerModel.TryGetValue(context.Model, out var known) ? known : PerModel.GetValue(context.Model, _ => new(Create(context)))).Value;

    /// <summary>
    /// Reads what replying in <paramref name="threadId"/> as <paramref name="userId"/> is checked
    /// against; a limit of 0 is off and reads nothing.
    /// </summary>
    public async Task<ReplyChecks> ReadReplyChecksAsync(DbContext context, string userId, long threadId, DateTime dayAgo, int perMinute, int perDay, CancellationToken cancellationToken)
    {
        var values = LimitValues(userId, dayAgo, perMinute, perDay, 0);
        values["t"] = threadId;
        values["left"] = ParticipantState.Left;
        var checks = await WrittenStatement.ReadAsync(context, templates.For(context, new(Kind.ReplyChecks, 0, LimitsOn(perMinute, perDay, 0))), values, static async (reader, ct) =>
        {
            var row = reader.DbDataReader;
            var (participants, subject) = (new List<string>(), (string?)null);
            while (await row.ReadAsync(ct))
            {
                participants.Add(row.GetString(0));
                subject = row.GetString(1);
            }

            await row.NextResultAsync(ct);
            var blockers = await ReadIdsAsync(row, ct);
            await row.NextResultAsync(ct);
            await row.ReadAsync(ct);
            return new ReplyChecks(participants, subject, blockers, Limitth(row, 0), Limitth(row, 1));
        }, cancellationToken);
        return perMinute == perDay ? checks with { MinuteLimitth = checks.DayLimitth } : checks;
    }

    /// <summary>
    /// Writes the reply of <paramref name="userId"/> in <paramref name="threadId"/> (call it in a
    /// transaction): the message (after the thread's row lock, timed as <see cref="MessageOrder"/> says),
    /// the thread's latest message, everyone else's row unread and back in the inbox, the replier's row
    /// read, the counters, and with <paramref name="notify"/> a queued notification for everyone else but
    /// <paramref name="refusing"/> and those who turned notifications off. Returns the message's id and time.
    /// </summary>
    public async Task<(long Id, DateTime SentAt)> WriteReplyAsync(
        DbContext context, string userId, long threadId, DateTime now, string content, NotificationTimes? notify, IReadOnlyList<string> refusing, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(16)
        {
            ["u"] = userId, ["t"] = threadId, ["now"] = now, ["content"] = content, ["text"] = MessageKind.Text, ["stamp"] = Guid.NewGuid().ToString(),
        };
        var (messageId, sentAt) = await WrittenStatement.ReadAsync(context, templates.For(context, new(Kind.ReplyMessage, 0, 0)), values, static async (reader, ct) =>
            await reader.ReadAsync(ct)
                ? (reader.DbDataReader.GetInt64(0), StoredTime.ReadUtc(reader.DbDataReader, 1))
                : throw new InvalidOperationException("The message's insert returned no id."),
            cancellationToken);

        (values["m"], values["now"], values["left"], values["active"]) = (messageId, sentAt, ParticipantState.Left, ParticipantState.Active);
        AddNotificationValues(values, notify, refusing);
        await WrittenStatement.ExecuteAsync(context, templates.For(context, new(Kind.ReplyWrite, notify is null ? 0 : refusing.Count, notify is null ? 0 : 1)), values, cancellationToken);
        return (messageId, sentAt);
    }

    /// <summary>
    /// Reads what a new thread from <paramref name="userId"/> to <paramref name="recipients"/> is
    /// checked against; a limit of 0 is off and reads nothing.
    /// </summary>
    public async Task<ThreadChecks> ReadThreadChecksAsync(
        DbContext context, string userId, IReadOnlyList<string> recipients, DateTime dayAgo, int perMinute, int perDay, int threadsPerDay, CancellationToken cancellationToken)
    {
        var values = LimitValues(userId, dayAgo, perMinute, perDay, threadsPerDay);
        AddRecipientValues(values, recipients);
        var shape = new Shape(Kind.ThreadChecks, recipients.Count, LimitsOn(perMinute, perDay, threadsPerDay));
        var checks = await WrittenStatement.ReadAsync(context, templates.For(context, shape), values, static async (reader, ct) =>
        {
            var row = reader.DbDataReader;
            var blockers = await ReadIdsAsync(row, ct);
            await row.NextResultAsync(ct);
            await row.ReadAsync(ct);
            return new ThreadChecks(blockers, Limitth(row, 0), Limitth(row, 1), Limitth(row, 2));
        }, cancellationToken);
        return perMinute == perDay ? checks with { MinuteLimitth = checks.DayLimitth } : checks;
    }

    /// <summary>
    /// Writes a new thread from <paramref name="userId"/> to <paramref name="recipients"/> (call it in
    /// a transaction): the thread, its first message, the participant rows (the sender's read, the
    /// recipients' unread in their inbox), the counters, and with <paramref name="notify"/> a queued
    /// notification for each recipient but those who turned notifications off. Returns the thread's and the message's ids.
    /// </summary>
    public async Task<(long ThreadId, long MessageId)> WriteThreadAsync(
        DbContext context, string userId, IReadOnlyList<string> recipients, string subject, string content, DateTime now, NotificationTimes? notify, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(16 + recipients.Count)
        {
            ["u"] = userId,
            ["subject"] = subject,
            ["content"] = content,
            ["now"] = now,
            ["text"] = MessageKind.Text,
            ["stamp"] = Guid.NewGuid().ToString(),
        };
        var (threadId, messageId) = await WrittenStatement.ReadAsync(context, templates.For(context, new(Kind.ThreadInsert, 0, 0)), values, static async (reader, ct) =>
            await reader.ReadAsync(ct) ? (reader.DbDataReader.GetInt64(0), reader.DbDataReader.GetInt64(1)) : throw new InvalidOperationException("The thread's insert returned no ids."),
            cancellationToken);

        (values["t"], values["m"], values["left"], values["active"], values["yes"], values["no"]) = (threadId, messageId, ParticipantState.Left, ParticipantState.Active, true, false);
        AddRecipientValues(values, recipients);
        AddNotificationValues(values, notify, []);
        await WrittenStatement.ExecuteAsync(context, templates.For(context, new(Kind.ThreadWrite, recipients.Count, notify is null ? 0 : 1)), values, cancellationToken);
        return (threadId, messageId);
    }

    private static Dictionary<string, object?> LimitValues(string userId, DateTime dayAgo, int perMinute, int perDay, int threadsPerDay) => new(16)
    {
        ["u"] = userId,
        ["dayAgo"] = dayAgo,
        ["text"] = MessageKind.Text,
        ["minuteSkip"] = perMinute - 1,
        ["daySkip"] = perDay - 1,
        ["threadSkip"] = threadsPerDay - 1,
    };

    /// <summary>
    /// Which limit-th newest times a checks statement reads. A per-minute limit equal to the per-day
    /// one reads nothing of its own: both are the same limit-th newest of the day's messages, and
    /// reading it twice walked the sender's index twice as far (its result is copied after the read).
    /// </summary>
    private static int LimitsOn(int perMinute, int perDay, int threadsPerDay)
        => (perMinute > 0 && perMinute != perDay ? 1 : 0) | (perDay > 0 ? 2 : 0) | (threadsPerDay > 0 ? 4 : 0);

    private static void AddRecipientValues(Dictionary<string, object?> values, IReadOnlyList<string> recipients)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            values["r" + i] = recipients[i];
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
            values["x" + i] = refusing[i];
        }
    }

    private static async Task<HashSet<string>> ReadIdsAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await row.ReadAsync(cancellationToken))
        {
            ids.Add(row.GetString(0));
        }

        return ids;
    }

    private static DateTime? Limitth(System.Data.Common.DbDataReader row, int column)
        => row.IsDBNull(column) ? null : StoredTime.ReadUtc(row, column);

    private IRelationalCommandTemplate Build(DbContext context, Shape shape)
    {
        // Parameters r0, r1, ... are people (recipients); x0, x1, ... those refusing a replier.
        var withPeople = new Dictionary<string, RelationalTypeMapping>(mappings);
        for (var i = 0; i < shape.People; i++)
        {
            (withPeople["r" + i], withPeople["x" + i]) = (userMapping, userMapping);
        }

        var sql = new Sql(new SqlNames(context), new StatementWriter(context, withPeople), postgres);
        return shape.Kind switch
        {
            Kind.ReplyChecks => sql.ReplyChecks(shape.Flags),
            Kind.ReplyMessage => sql.ReplyMessage(),
            Kind.ReplyWrite => sql.ReplyWrite(notify: shape.Flags != 0, refusing: shape.People),
            Kind.ThreadChecks => sql.ThreadChecks(shape.People, shape.Flags),
            Kind.ThreadInsert => sql.ThreadInsert(),
            _ => sql.ThreadWrite(shape.People, notify: shape.Flags != 0),
        };
    }

    private static SendingStatements? Create(DbContext context)
    {
        var model = context.Model;
        if (context.Database.ProviderName is not (DatabaseProviders.Sqlite or DatabaseProviders.Postgres)
            || !StatementWriter.ArePlainTables(model, typeof(ThreadParticipant), typeof(MessageThread), typeof(Message), typeof(UserBlock), typeof(MailboxCounter), typeof(PendingNotification), typeof(MessagingPreferences)))
        {
            return null;
        }

        var participants = model.FindEntityType(typeof(ThreadParticipant))!;
        var threads = model.FindEntityType(typeof(MessageThread))!;
        var messages = model.FindEntityType(typeof(Message))!;
        var pending = model.FindEntityType(typeof(PendingNotification))!;
        var counters = model.FindEntityType(typeof(MailboxCounter))!;
        var blocks = model.FindEntityType(typeof(UserBlock))!;
        IProperty Of(IEntityType entity, string name) => entity.FindProperty(name)!;

        // The rows it inserts must have no column it does not know of, and every value must be
        // stored as it is written here (states and kinds as numbers, times as UTC).
        var utcTimes = new[]
        {
            Of(messages, nameof(Message.SentAt)), Of(threads, nameof(MessageThread.LatestMessageAt)), Of(threads, nameof(MessageThread.CreatedAt)),
            Of(participants, nameof(ThreadParticipant.StateChangedAt)), Of(participants, nameof(ThreadParticipant.LatestMessageAt)), Of(participants, nameof(ThreadParticipant.JoinedAt)),
            Of(pending, nameof(PendingNotification.DueAt)), Of(pending, nameof(PendingNotification.DeadlineAt)),
        };
        var plain = new[]
        {
            Of(messages, nameof(Message.Id)), Of(messages, nameof(Message.ThreadId)), Of(messages, nameof(Message.SenderId)), Of(messages, nameof(Message.Content)),
            Of(threads, nameof(MessageThread.Id)), Of(threads, nameof(MessageThread.Subject)), Of(threads, nameof(MessageThread.CreatedById)),
            Of(threads, nameof(MessageThread.LatestMessageId)), Of(threads, nameof(MessageThread.ConcurrencyStamp)),
            Of(participants, nameof(ThreadParticipant.ThreadId)), Of(participants, nameof(ThreadParticipant.UserId)), Of(participants, nameof(ThreadParticipant.IsUnread)),
            Of(participants, nameof(ThreadParticipant.HasSent)), Of(participants, nameof(ThreadParticipant.LastReadMessageId)), Of(participants, ThreadParticipantConfiguration.CountedUnread),
            Of(blocks, nameof(UserBlock.BlockerId)), Of(blocks, nameof(UserBlock.BlockedId)),
            Of(model.FindEntityType(typeof(MessagingPreferences))!, nameof(MessagingPreferences.NotifyByEmail)),
            Of(pending, nameof(PendingNotification.RecipientId)), Of(pending, PendingNotificationConfiguration.AwaitsQuiet),
            Of(counters, nameof(MailboxCounter.UserId)), Of(counters, nameof(MailboxCounter.UnreadThreads)),
        };
        if (!StatementWriter.HasOnlyProperties(messages, nameof(Message.Id), nameof(Message.ThreadId), nameof(Message.SenderId), nameof(Message.SentAt), nameof(Message.Content), nameof(Message.Kind), nameof(Message.AboutUserId))
            || !StatementWriter.HasOnlyProperties(threads, nameof(MessageThread.Id), nameof(MessageThread.Subject), nameof(MessageThread.CreatedAt), nameof(MessageThread.CreatedById), nameof(MessageThread.LatestMessageAt), nameof(MessageThread.LatestMessageId), nameof(MessageThread.ConcurrencyStamp))
            || !StatementWriter.HasOnlyProperties(
                participants, nameof(ThreadParticipant.ThreadId), nameof(ThreadParticipant.UserId), nameof(ThreadParticipant.IsUnread), nameof(ThreadParticipant.State), nameof(ThreadParticipant.StateChangedAt),
                nameof(ThreadParticipant.HasSent), nameof(ThreadParticipant.LatestMessageAt), nameof(ThreadParticipant.LastReadMessageId), nameof(ThreadParticipant.JoinedAt), ThreadParticipantConfiguration.CountedUnread)
            || !StatementWriter.HasOnlyProperties(pending, nameof(PendingNotification.Id), nameof(PendingNotification.RecipientId), nameof(PendingNotification.ThreadId), nameof(PendingNotification.MessageId), nameof(PendingNotification.DueAt), nameof(PendingNotification.DeadlineAt), PendingNotificationConfiguration.AwaitsQuiet)
            || !StatementWriter.HasOnlyProperties(counters, nameof(MailboxCounter.UserId), nameof(MailboxCounter.UnreadThreads))
            || Of(messages, nameof(Message.Id)).ValueGenerated != ValueGenerated.OnAdd || Of(threads, nameof(MessageThread.Id)).ValueGenerated != ValueGenerated.OnAdd
            || Of(messages, nameof(Message.Id)).ClrType != typeof(long) || Of(threads, nameof(MessageThread.Id)).ClrType != typeof(long)
            || Of(participants, nameof(ThreadParticipant.State)).GetTypeMapping().Converter?.ProviderClrType != typeof(int)
            || Of(messages, nameof(Message.Kind)).GetTypeMapping().Converter?.ProviderClrType != typeof(int)
            || utcTimes.Any(p => p.GetTypeMapping().Converter is not UtcDateTimeConverter)
            || !StatementWriter.AreUnconverted(plain))
        {
            return null;
        }

        var types = context.GetService<IRelationalTypeMappingSource>();
        RelationalTypeMapping MappingOf(IEntityType entity, string name) => Of(entity, name).GetRelationalTypeMapping();
        var number = types.FindMapping(typeof(int))!;
        var mappings = new Dictionary<string, RelationalTypeMapping>
        {
            ["u"] = MappingOf(participants, nameof(ThreadParticipant.UserId)),
            ["t"] = MappingOf(participants, nameof(ThreadParticipant.ThreadId)),
            ["left"] = MappingOf(participants, nameof(ThreadParticipant.State)),
            ["active"] = MappingOf(participants, nameof(ThreadParticipant.State)),
            ["dayAgo"] = MappingOf(messages, nameof(Message.SentAt)),
            ["now"] = MappingOf(messages, nameof(Message.SentAt)),
            ["text"] = MappingOf(messages, nameof(Message.Kind)),
            ["content"] = MappingOf(messages, nameof(Message.Content)),
            ["subject"] = MappingOf(threads, nameof(MessageThread.Subject)),
            ["minuteSkip"] = number,
            ["daySkip"] = number,
            ["threadSkip"] = number,
            ["m"] = MappingOf(messages, nameof(Message.Id)),
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
            var (thread, user, left) = (statement.Value("t"), statement.Value("u"), statement.Value("left"));

            // The people in the thread, with its subject.
            statement
                .Append($"SELECT {P("p", nameof(ThreadParticipant.UserId))}, t.{T(nameof(MessageThread.Subject))} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} p INNER JOIN {names.Table<MessageThread>()} t ON t.{T(nameof(MessageThread.Id))} = {P("p", nameof(ThreadParticipant.ThreadId))} ")
                .Append($"WHERE {P("p", nameof(ThreadParticipant.ThreadId))} = {thread} AND {P("p", nameof(ThreadParticipant.State))} <> {left};\n");

            // Those of the others who blocked the replier.
            AppendBlockers($"SELECT {P("o", nameof(ThreadParticipant.UserId))} FROM {names.Table<ThreadParticipant>()} o "
                + $"WHERE {P("o", nameof(ThreadParticipant.ThreadId))} = {thread} AND {P("o", nameof(ThreadParticipant.State))} <> {left} AND {P("o", nameof(ThreadParticipant.UserId))} <> {user}");
            return AppendLimits(limits).Build();
        }

        /// <summary>The thread's row lock first, then the message, no earlier than the thread's latest (<see cref="MessageOrder"/>).</summary>
        public IRelationalCommandTemplate ReplyMessage()
        {
            var (thread, now, sentAt) = (statement.Value("t"), statement.Value("now"), M(nameof(Message.SentAt)));
            var latest = $"(SELECT MAX(l.{sentAt}) FROM {names.Table<Message>()} l WHERE l.{M(nameof(Message.ThreadId))} = {thread})";
            return statement
                .Append($"UPDATE {names.Table<MessageThread>()} SET {T(nameof(MessageThread.ConcurrencyStamp))} = {statement.Value("stamp")} WHERE {T(nameof(MessageThread.Id))} = {thread};\n")
                .Append($"INSERT INTO {names.Table<Message>()} ({M(nameof(Message.ThreadId))}, {M(nameof(Message.SenderId))}, {sentAt}, {M(nameof(Message.Content))}, {M(nameof(Message.Kind))}) ")
                .Append($"SELECT {thread}, {statement.Value("u")}, CASE WHEN {latest} > {now} THEN {latest} ELSE {now} END, {statement.Value("content")}, {statement.Value("text")} ")
                .Append($"RETURNING {M(nameof(Message.Id))}, {sentAt}")
                .Build();
        }

        public IRelationalCommandTemplate ReplyWrite(bool notify, int refusing)
        {
            var (thread, user, left, active, now, message) = (statement.Value("t"), statement.Value("u"), statement.Value("left"), statement.Value("active"), statement.Value("now"), statement.Value("m"));

            // The thread's latest message moves forward, never back (concurrent replies may commit out of order).
            var (latestAt, latestId) = (T(nameof(MessageThread.LatestMessageAt)), T(nameof(MessageThread.LatestMessageId)));
            statement
                .Append($"UPDATE {names.Table<MessageThread>()} SET {latestId} = CASE WHEN {latestAt} <= {now} THEN {message} ELSE {latestId} END, ")
                .Append($"{latestAt} = CASE WHEN {latestAt} <= {now} THEN {now} ELSE {latestAt} END, {T(nameof(MessageThread.ConcurrencyStamp))} = {statement.Value("stamp")} ")
                .Append($"WHERE {T(nameof(MessageThread.Id))} = {thread};\n");

            var (userId, state, counted, unread) = (P(nameof(ThreadParticipant.UserId)), P(nameof(ThreadParticipant.State)), P(ThreadParticipantConfiguration.CountedUnread), P(nameof(ThreadParticipant.IsUnread)));
            var inThread = $"{P(nameof(ThreadParticipant.ThreadId))} = {thread} AND {state} <> {left}";

            // After the reply everyone else's row is in the inbox and unread (counted), the replier's is read (not counted).
            if (!postgres)
            {
                AppendToCounters($"SELECT {userId}, CASE WHEN {userId} <> {user} THEN 1 ELSE -1 END FROM {names.Table<ThreadParticipant>()} WHERE {inThread} AND {counted} <> ({userId} <> {user}) ORDER BY {userId}");
            }

            var (lastRead, changedAt, latest, hasSent) = (P(nameof(ThreadParticipant.LastReadMessageId)), P(nameof(ThreadParticipant.StateChangedAt)), P(nameof(ThreadParticipant.LatestMessageAt)), P(nameof(ThreadParticipant.HasSent)));
            statement
                .Append($"UPDATE {names.Table<ThreadParticipant>()} SET {unread} = ({userId} <> {user}), ")
                .Append($"{changedAt} = CASE WHEN {state} = {active} THEN {changedAt} ELSE {now} END, {state} = {active}, ")
                .Append($"{hasSent} = ({hasSent} OR {userId} = {user}), {lastRead} = CASE WHEN {userId} = {user} THEN {message} ELSE {lastRead} END, ")
                .Append($"{latest} = CASE WHEN {latest} <= {now} THEN {now} ELSE {latest} END")
                .Append(postgres ? string.Empty : $", {counted} = ({userId} <> {user})")
                .Append($" WHERE {inThread};\n");

            if (postgres)
            {
                // The rows are locked by the update above: flip and count those whose flag disagrees, once.
                statement
                    .Append($"WITH changed AS (UPDATE {names.Table<ThreadParticipant>()} SET {counted} = NOT {counted} ")
                    .Append($"WHERE {P(nameof(ThreadParticipant.ThreadId))} = {thread} AND {counted} <> ({state} = {active} AND {unread}) RETURNING {userId}, {counted}) ");
                AppendToCounters($"SELECT {userId}, CASE WHEN {counted} THEN 1 ELSE -1 END FROM changed ORDER BY {userId}");
            }

            if (notify)
            {
                AppendNotifications(Enumerable.Range(0, refusing).Select(i => "x" + i));
            }

            return statement.Build();
        }

        public IRelationalCommandTemplate ThreadChecks(int recipients, int limits)
        {
            AppendBlockers(string.Join(", ", Enumerable.Range(0, recipients).Select(i => statement.Value("r" + i))));
            return AppendLimits(limits).Build();
        }

        public IRelationalCommandTemplate ThreadInsert()
        {
            var now = statement.Value("now");
            var columns = $"INSERT INTO {names.Table<MessageThread>()} ({T(nameof(MessageThread.Subject))}, {T(nameof(MessageThread.CreatedAt))}, {T(nameof(MessageThread.CreatedById))}, "
                + $"{T(nameof(MessageThread.LatestMessageAt))}, {T(nameof(MessageThread.LatestMessageId))}, {T(nameof(MessageThread.ConcurrencyStamp))}) "
                + $"VALUES ({statement.Value("subject")}, {now}, {statement.Value("u")}, {now}, 0, {statement.Value("stamp")})";
            var message = $"INSERT INTO {names.Table<Message>()} ({M(nameof(Message.ThreadId))}, {M(nameof(Message.SenderId))}, {M(nameof(Message.SentAt))}, {M(nameof(Message.Content))}, {M(nameof(Message.Kind))}) ";
            var values = $"{statement.Value("u")}, {now}, {statement.Value("content")}, {statement.Value("text")}";
            var returning = $" RETURNING {M(nameof(Message.ThreadId))}, {M(nameof(Message.Id))}";

            // The message needs the thread's new id: from the insert's RETURNING on PostgreSQL, last_insert_rowid() on SQLite.
            return (postgres
                    ? statement.Append($"WITH thread AS ({columns} RETURNING {T(nameof(MessageThread.Id))}) {message}SELECT thread.{T(nameof(MessageThread.Id))}, {values} FROM thread{returning}")
                    : statement.Append($"{columns};\n{message}VALUES (last_insert_rowid(), {values}){returning}"))
                .Build();
        }

        public IRelationalCommandTemplate ThreadWrite(int recipients, bool notify)
        {
            var (thread, user, now, message, active) = (statement.Value("t"), statement.Value("u"), statement.Value("now"), statement.Value("m"), statement.Value("active"));
            statement.Append($"UPDATE {names.Table<MessageThread>()} SET {T(nameof(MessageThread.LatestMessageId))} = {message} WHERE {T(nameof(MessageThread.Id))} = {thread};\n");

            // The sender has read their own message; each recipient has it unread, in their inbox, counted.
            var (yes, no) = (statement.Value("yes"), statement.Value("no"));
            statement
                .Append($"INSERT INTO {names.Table<ThreadParticipant>()} ({P(nameof(ThreadParticipant.ThreadId))}, {P(nameof(ThreadParticipant.UserId))}, {P(nameof(ThreadParticipant.IsUnread))}, ")
                .Append($"{P(nameof(ThreadParticipant.State))}, {P(nameof(ThreadParticipant.StateChangedAt))}, {P(nameof(ThreadParticipant.HasSent))}, {P(nameof(ThreadParticipant.LatestMessageAt))}, ")
                .Append($"{P(nameof(ThreadParticipant.LastReadMessageId))}, {P(nameof(ThreadParticipant.JoinedAt))}, {P(ThreadParticipantConfiguration.CountedUnread)}) VALUES ")
                .Append($"({thread}, {user}, {no}, {active}, {now}, {yes}, {now}, {message}, {now}, {no})");
            for (var i = 0; i < recipients; i++)
            {
                statement.Append($", ({thread}, {statement.Value("r" + i)}, {yes}, {active}, {now}, {no}, {now}, NULL, {now}, {yes})");
            }

            statement.Append(";\n");
            AppendToCounters("VALUES " + string.Join(", ", Enumerable.Range(0, recipients).Select(i => $"({statement.Value("r" + i)}, 1)")));
            if (notify)
            {
                AppendNotifications([]);
            }

            return statement.Build();
        }

        private string P(string alias, string property) => alias + "." + names.Column<ThreadParticipant>(property);

        private string P(string property) => names.Column<ThreadParticipant>(property);

        private string T(string property) => names.Column<MessageThread>(property);

        private string M(string property) => names.Column<Message>(property);

        /// <summary>Reads those of <paramref name="people"/> (a list or a subquery) who blocked the sender.</summary>
        private void AppendBlockers(string people)
        {
            var blocker = "b." + names.Column<UserBlock>(nameof(UserBlock.BlockerId));
            statement.Append($"SELECT {blocker} FROM {names.Table<UserBlock>()} b WHERE b.{names.Column<UserBlock>(nameof(UserBlock.BlockedId))} = {statement.Value("u")} AND {blocker} IN ({people});\n");
        }

        /// <summary>Reads the limit-th newest of the sender's messages of the last day for each message limit that is on, and of the threads they started for the thread limit (<c>NULL</c> for each one off).</summary>
        private StatementWriter AppendLimits(int limits)
        {
            var user = statement.Value("u");
            string Limitth(int bit, string at, Func<string> from, string skip)
                => (limits & bit) == 0 ? "NULL" : $"(SELECT {at} FROM {from()} AND {at} > {statement.Value("dayAgo")} ORDER BY {at} DESC LIMIT 1 OFFSET {statement.Value(skip)})";
            string Sent() => $"{names.Table<Message>()} m WHERE m.{M(nameof(Message.SenderId))} = {user} AND m.{M(nameof(Message.Kind))} = {statement.Value("text")}";
            string Started() => $"{names.Table<MessageThread>()} s WHERE s.{T(nameof(MessageThread.CreatedById))} = {user}";
            var (sentAt, startedAt) = ("m." + M(nameof(Message.SentAt)), "s." + T(nameof(MessageThread.CreatedAt)));
            return statement.Append($"SELECT {Limitth(1, sentAt, Sent, "minuteSkip")}, {Limitth(2, sentAt, Sent, "daySkip")}, {Limitth(4, startedAt, Started, "threadSkip")}");
        }

        /// <summary>Adds <paramref name="rows"/> (a query or <c>VALUES</c> of user and change, in user order) to the users' counters, creating missing ones.</summary>
        private void AppendToCounters(string rows)
        {
            var (user, unread) = (names.Column<MailboxCounter>(nameof(MailboxCounter.UserId)), names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads)));
            statement.Append($"INSERT INTO {names.Table<MailboxCounter>()} ({user}, {unread}) {rows} ")
                .Append($"ON CONFLICT ({user}) DO UPDATE SET {unread} = {names.TableName<MailboxCounter>()}.{unread} + excluded.{unread};\n");
        }

        /// <summary>
        /// What waits for each recipient waits for this message too (see <see cref="NotificationOutbox"/>),
        /// and each gets a row of their own: everyone else in the thread but <paramref name="refusing"/>
        /// (parameter names) and those who turned notifications off.
        /// </summary>
        private void AppendNotifications(IEnumerable<string> refusing)
        {
            string N(string property) => names.Column<PendingNotification>(property);
            var no = statement.Value("no");
            var recipients = $"{P("q", nameof(ThreadParticipant.ThreadId))} = {statement.Value("t")} AND {P("q", nameof(ThreadParticipant.State))} <> {statement.Value("left")} "
                + $"AND {P("q", nameof(ThreadParticipant.UserId))} <> {statement.Value("u")} "
                + $"AND NOT EXISTS (SELECT 1 FROM {names.Table<MessagingPreferences>()} s WHERE s.{names.Column<MessagingPreferences>(nameof(MessagingPreferences.UserId))} = {P("q", nameof(ThreadParticipant.UserId))} "
                + $"AND s.{names.Column<MessagingPreferences>(nameof(MessagingPreferences.NotifyByEmail))} = {no})";
            var excluded = string.Join(", ", refusing.Select(statement.Value));
            if (excluded.Length > 0)
            {
                recipients += $" AND {P("q", nameof(ThreadParticipant.UserId))} NOT IN ({excluded})";
            }

            var (awaits, recipient) = (N(PendingNotificationConfiguration.AwaitsQuiet), $"SELECT {P("q", nameof(ThreadParticipant.UserId))}");
            statement
                .Append($"UPDATE {names.Table<PendingNotification>()} SET {N(nameof(PendingNotification.DueAt))} = {N(nameof(PendingNotification.DeadlineAt))}, {awaits} = {no} ")
                .Append($"WHERE {awaits} = {statement.Value("yes")} AND {N(nameof(PendingNotification.RecipientId))} IN ({recipient} FROM {names.Table<ThreadParticipant>()} q WHERE {recipients});\n")
                .Append($"INSERT INTO {names.Table<PendingNotification>()} ({N(nameof(PendingNotification.RecipientId))}, {N(nameof(PendingNotification.ThreadId))}, ")
                .Append($"{N(nameof(PendingNotification.MessageId))}, {N(nameof(PendingNotification.DueAt))}, {N(nameof(PendingNotification.DeadlineAt))}, {awaits}) ")
                .Append($"{recipient}, {statement.Value("t")}, {statement.Value("m")}, {statement.Value("due")}, {statement.Value("deadline")}, {statement.Value("awaits")} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} q WHERE {recipients} ORDER BY {P("q", nameof(ThreadParticipant.UserId))}");
        }
    }
}
