using System.Collections.Concurrent;
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
/// A reply as SQL the package writes once per model, for SQLite and PostgreSQL, run as
/// <see cref="WrittenStatement"/>s: one command reads everything the checks need (the people in
/// the thread, which of them blocked the replier, the sending limits' times), one inserts the
/// message, and one does the rest of the write (the thread's latest message, every participant
/// row, the unread counters of the rows that changed, the queued notifications). It writes what
/// the service's LINQ reply writes, which still runs where <see cref="For"/> gives null: another
/// database, or tables that are not plainly the package's own (a host's query filter,
/// inheritance, extra columns or converted values).
/// </summary>
/// <remarks>
/// The counters stay exact under concurrency as the LINQ write keeps them: on PostgreSQL the rows
/// are updated (and so locked) first, then the ones whose counted flag disagrees with their new
/// state are flipped and counted in one statement. On SQLite a write transaction holds the
/// database's write lock, so the changes are counted from the rows as they are just before the
/// update that makes them.
/// </remarks>
internal sealed class ReplyStatement
{
    private static readonly ConditionalWeakTable<IModel, StrongBox<ReplyStatement?>> PerModel = [];

    // The checks, one template for each pair of limits on or off (per minute: bit 0, per day: bit 1).
    private readonly IRelationalCommandTemplate[] checks;
    private readonly IRelationalCommandTemplate insert;
    private readonly ConcurrentDictionary<(bool Notify, int Refusing), IRelationalCommandTemplate> writes = new();
    private readonly Func<DbContext, (bool Notify, int Refusing), IRelationalCommandTemplate> buildWrite;

    private ReplyStatement(IRelationalCommandTemplate[] checks, IRelationalCommandTemplate insert, Func<DbContext, (bool Notify, int Refusing), IRelationalCommandTemplate> buildWrite)
        => (this.checks, this.insert, this.buildWrite) = (checks, insert, buildWrite);

    /// <summary>What a reply is checked against, read in one command before it is written.</summary>
    /// <param name="Participants">The people in the thread (everyone but those who left).</param>
    /// <param name="Subject">The thread's subject; null when nobody is in it (or there is no such thread).</param>
    /// <param name="Blockers">Those of the others in the thread who blocked the replier.</param>
    /// <param name="MinuteLimitth">The per-minute limit-th newest of the replier's messages of the last day; null when fewer or the limit is off.</param>
    /// <param name="DayLimitth">The same for the per-day limit.</param>
    public sealed record Checks(List<string> Participants, string? Subject, HashSet<string> Blockers, DateTime? MinuteLimitth, DateTime? DayLimitth);

    /// <summary>The statement for <paramref name="context"/>'s model, or null where the LINQ reply must run.</summary>
    public static ReplyStatement? For(DbContext context)
        => (PerModel.TryGetValue(context.Model, out var known) ? known : PerModel.GetValue(context.Model, _ => new(Create(context)))).Value;

    /// <summary>
    /// Reads what replying in <paramref name="threadId"/> as <paramref name="userId"/> is checked
    /// against; a limit of 0 is off and reads nothing.
    /// </summary>
    public Task<Checks> ReadChecksAsync(DbContext context, string userId, long threadId, DateTime dayAgo, int perMinute, int perDay, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(7)
        {
            ["u"] = userId,
            ["t"] = threadId,
            ["left"] = ParticipantState.Left,
            ["dayAgo"] = dayAgo,
            ["text"] = MessageKind.Text,
            ["minuteSkip"] = perMinute - 1,
            ["daySkip"] = perDay - 1,
        };
        var template = checks[(perMinute > 0 ? 1 : 0) + (perDay > 0 ? 2 : 0)];
        return WrittenStatement.ReadAsync(context, template, values, static async (reader, ct) =>
        {
            var row = reader.DbDataReader;
            var (participants, subject) = (new List<string>(), (string?)null);
            while (await row.ReadAsync(ct))
            {
                participants.Add(row.GetString(0));
                subject = row.GetString(1);
            }

            await row.NextResultAsync(ct);
            var blockers = new HashSet<string>(StringComparer.Ordinal);
            while (await row.ReadAsync(ct))
            {
                blockers.Add(row.GetString(0));
            }

            await row.NextResultAsync(ct);
            await row.ReadAsync(ct);
            DateTime? Limitth(int column) => row.IsDBNull(column) ? null : DateTime.SpecifyKind(row.GetDateTime(column), DateTimeKind.Utc);
            return new Checks(participants, subject, blockers, Limitth(0), Limitth(1));
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the reply of <paramref name="userId"/> in <paramref name="threadId"/> (call it in a
    /// transaction): the message, the thread's latest message, everyone else's row unread and back
    /// in the inbox, the replier's row read, the counters, and with <paramref name="notify"/> a
    /// queued notification for everyone else but <paramref name="refusing"/> and those who turned
    /// notifications off. Returns the message's id.
    /// </summary>
    public async Task<long> WriteAsync(
        DbContext context, string userId, long threadId, DateTime now, string content, NotificationTimes? notify, IReadOnlyList<string> refusing, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(16)
        {
            ["u"] = userId,
            ["t"] = threadId,
            ["now"] = now,
            ["content"] = content,
            ["text"] = MessageKind.Text,
        };
        var messageId = await WrittenStatement.ReadAsync(context, insert, values, static async (reader, ct) =>
            await reader.ReadAsync(ct) ? reader.DbDataReader.GetInt64(0) : throw new InvalidOperationException("The message's insert returned no id."),
            cancellationToken);

        values["m"] = messageId;
        values["left"] = ParticipantState.Left;
        values["active"] = ParticipantState.Active;
        values["stamp"] = Guid.NewGuid().ToString();
        if (notify is { } times)
        {
            (values["due"], values["deadline"], values["awaits"], values["yes"], values["no"]) = (times.DueAt, times.DeadlineAt, times.AwaitsQuiet, true, false);
            for (var i = 0; i < refusing.Count; i++)
            {
                values["r" + i] = refusing[i];
            }
        }

        var key = (notify is not null, notify is null ? 0 : refusing.Count);
        await WrittenStatement.ExecuteAsync(context, writes.GetOrAdd(key, static (key, write) => write.Build(write.Context, key), (Build: buildWrite, Context: context)), values, cancellationToken);
        return messageId;
    }

    private static ReplyStatement? Create(DbContext context)
    {
        var model = context.Model;
        var postgres = context.Database.ProviderName == DatabaseProviders.Postgres;
        if (context.Database.ProviderName is not (DatabaseProviders.Sqlite or DatabaseProviders.Postgres)
            || !StatementWriter.ArePlainTables(model, typeof(ThreadParticipant), typeof(MessageThread), typeof(Message), typeof(UserBlock), typeof(MailboxCounter), typeof(PendingNotification), typeof(MessagingPreferences)))
        {
            return null;
        }

        var participants = model.FindEntityType(typeof(ThreadParticipant))!;
        var threads = model.FindEntityType(typeof(MessageThread))!;
        var messages = model.FindEntityType(typeof(Message))!;
        var pending = model.FindEntityType(typeof(PendingNotification))!;
        IProperty Of(IEntityType entity, string name) => entity.FindProperty(name)!;

        // The rows it inserts must have no column it does not know of, and every value must be
        // stored as it is written here (states and kinds as numbers, times as UTC).
        var utcTimes = new[]
        {
            Of(messages, nameof(Message.SentAt)), Of(threads, nameof(MessageThread.LatestMessageAt)), Of(participants, nameof(ThreadParticipant.StateChangedAt)),
            Of(participants, nameof(ThreadParticipant.LatestMessageAt)), Of(pending, nameof(PendingNotification.DueAt)), Of(pending, nameof(PendingNotification.DeadlineAt)),
        };
        if (!StatementWriter.HasOnlyProperties(messages, nameof(Message.Id), nameof(Message.ThreadId), nameof(Message.SenderId), nameof(Message.SentAt), nameof(Message.Content), nameof(Message.Kind), nameof(Message.AboutUserId))
            || !StatementWriter.HasOnlyProperties(pending, nameof(PendingNotification.Id), nameof(PendingNotification.RecipientId), nameof(PendingNotification.ThreadId), nameof(PendingNotification.MessageId), nameof(PendingNotification.DueAt), nameof(PendingNotification.DeadlineAt), PendingNotificationConfiguration.AwaitsQuiet)
            || !StatementWriter.HasOnlyProperties(model.FindEntityType(typeof(MailboxCounter))!, nameof(MailboxCounter.UserId), nameof(MailboxCounter.UnreadThreads))
            || Of(messages, nameof(Message.Id)).ValueGenerated != ValueGenerated.OnAdd
            || Of(messages, nameof(Message.Id)).ClrType != typeof(long)
            || Of(participants, nameof(ThreadParticipant.State)).GetTypeMapping().Converter?.ProviderClrType != typeof(int)
            || Of(messages, nameof(Message.Kind)).GetTypeMapping().Converter?.ProviderClrType != typeof(int)
            || utcTimes.Any(p => p.GetTypeMapping().Converter is not UtcDateTimeConverter)
            || !StatementWriter.AreUnconverted(
                Of(messages, nameof(Message.Id)), Of(messages, nameof(Message.SenderId)), Of(messages, nameof(Message.Content)),
                Of(threads, nameof(MessageThread.Subject)), Of(threads, nameof(MessageThread.LatestMessageId)), Of(threads, nameof(MessageThread.ConcurrencyStamp)),
                Of(participants, nameof(ThreadParticipant.UserId)), Of(participants, nameof(ThreadParticipant.IsUnread)), Of(participants, nameof(ThreadParticipant.HasSent)),
                Of(participants, nameof(ThreadParticipant.LastReadMessageId)), Of(participants, ThreadParticipantConfiguration.CountedUnread),
                Of(model.FindEntityType(typeof(UserBlock))!, nameof(UserBlock.BlockerId)), Of(model.FindEntityType(typeof(UserBlock))!, nameof(UserBlock.BlockedId)),
                Of(model.FindEntityType(typeof(MessagingPreferences))!, nameof(MessagingPreferences.NotifyByEmail)),
                Of(pending, nameof(PendingNotification.RecipientId)), Of(pending, PendingNotificationConfiguration.AwaitsQuiet),
                Of(model.FindEntityType(typeof(MailboxCounter))!, nameof(MailboxCounter.UserId)), Of(model.FindEntityType(typeof(MailboxCounter))!, nameof(MailboxCounter.UnreadThreads))))
        {
            return null;
        }

        var types = context.GetService<IRelationalTypeMappingSource>();
        var userMapping = Of(participants, nameof(ThreadParticipant.UserId)).GetRelationalTypeMapping();
        var mappings = new Dictionary<string, RelationalTypeMapping>
        {
            ["u"] = userMapping,
            ["t"] = Of(participants, nameof(ThreadParticipant.ThreadId)).GetRelationalTypeMapping(),
            ["left"] = Of(participants, nameof(ThreadParticipant.State)).GetRelationalTypeMapping(),
            ["active"] = Of(participants, nameof(ThreadParticipant.State)).GetRelationalTypeMapping(),
            ["dayAgo"] = Of(messages, nameof(Message.SentAt)).GetRelationalTypeMapping(),
            ["now"] = Of(messages, nameof(Message.SentAt)).GetRelationalTypeMapping(),
            ["text"] = Of(messages, nameof(Message.Kind)).GetRelationalTypeMapping(),
            ["content"] = Of(messages, nameof(Message.Content)).GetRelationalTypeMapping(),
            ["minuteSkip"] = types.FindMapping(typeof(int))!,
            ["daySkip"] = types.FindMapping(typeof(int))!,
            ["m"] = Of(messages, nameof(Message.Id)).GetRelationalTypeMapping(),
            ["stamp"] = Of(threads, nameof(MessageThread.ConcurrencyStamp)).GetRelationalTypeMapping(),
            ["due"] = Of(pending, nameof(PendingNotification.DueAt)).GetRelationalTypeMapping(),
            ["deadline"] = Of(pending, nameof(PendingNotification.DeadlineAt)).GetRelationalTypeMapping(),
            ["awaits"] = Of(pending, PendingNotificationConfiguration.AwaitsQuiet).GetRelationalTypeMapping(),
            ["yes"] = Of(pending, PendingNotificationConfiguration.AwaitsQuiet).GetRelationalTypeMapping(),
            ["no"] = Of(pending, PendingNotificationConfiguration.AwaitsQuiet).GetRelationalTypeMapping(),
        };
        var sql = new Sql(new SqlNames(context), postgres);
        return new ReplyStatement(
            [.. Enumerable.Range(0, 4).Select(limits => sql.Checks(new StatementWriter(context, mappings), perMinute: (limits & 1) != 0, perDay: (limits & 2) != 0))],
            sql.Insert(new StatementWriter(context, mappings)),
            (current, key) =>
            {
                // Built on first use with the context at hand (the one this model was first seen with may be gone).
                var refusing = new Dictionary<string, RelationalTypeMapping>(mappings);
                for (var i = 0; i < key.Refusing; i++)
                {
                    refusing["r" + i] = userMapping;
                }

                return new Sql(new SqlNames(current), postgres).Write(new StatementWriter(current, refusing), key.Notify, key.Refusing);
            });
    }

    /// <summary>The statements' text, in the host's table and column names.</summary>
    private sealed class Sql(SqlNames names, bool postgres)
    {
        private string Participant(string alias, string property) => alias + "." + names.Column<ThreadParticipant>(property);

        private string Participant(string property) => names.Column<ThreadParticipant>(property);

        public IRelationalCommandTemplate Checks(StatementWriter statement, bool perMinute, bool perDay)
        {
            var (thread, user, left) = (statement.Value("t"), statement.Value("u"), statement.Value("left"));
            var id = names.Column<MessageThread>(nameof(MessageThread.Id));

            // The people in the thread, with its subject.
            statement
                .Append($"SELECT {Participant("p", nameof(ThreadParticipant.UserId))}, t.{names.Column<MessageThread>(nameof(MessageThread.Subject))} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} p INNER JOIN {names.Table<MessageThread>()} t ON t.{id} = {Participant("p", nameof(ThreadParticipant.ThreadId))} ")
                .Append($"WHERE {Participant("p", nameof(ThreadParticipant.ThreadId))} = {thread} AND {Participant("p", nameof(ThreadParticipant.State))} <> {left};\n");

            // Those of the others who blocked the replier.
            var blocker = "b." + names.Column<UserBlock>(nameof(UserBlock.BlockerId));
            statement
                .Append($"SELECT {blocker} FROM {names.Table<UserBlock>()} b WHERE b.{names.Column<UserBlock>(nameof(UserBlock.BlockedId))} = {user} ")
                .Append($"AND {blocker} IN (SELECT {Participant("o", nameof(ThreadParticipant.UserId))} FROM {names.Table<ThreadParticipant>()} o ")
                .Append($"WHERE {Participant("o", nameof(ThreadParticipant.ThreadId))} = {thread} AND {Participant("o", nameof(ThreadParticipant.State))} <> {left} ")
                .Append($"AND {Participant("o", nameof(ThreadParticipant.UserId))} <> {user});\n");

            // The limit-th newest of the replier's messages of the last day, for each limit that is on.
            string Limitth(bool on, string skip)
            {
                if (!on)
                {
                    return "NULL";
                }

                var sentAt = "m." + names.Column<Message>(nameof(Message.SentAt));
                return $"(SELECT {sentAt} FROM {names.Table<Message>()} m WHERE m.{names.Column<Message>(nameof(Message.SenderId))} = {user} "
                    + $"AND {sentAt} > {statement.Value("dayAgo")} AND m.{names.Column<Message>(nameof(Message.Kind))} = {statement.Value("text")} "
                    + $"ORDER BY {sentAt} DESC LIMIT 1 OFFSET {statement.Value(skip)})";
            }

            return statement.Append($"SELECT {Limitth(perMinute, "minuteSkip")}, {Limitth(perDay, "daySkip")}").Build();
        }

        public IRelationalCommandTemplate Insert(StatementWriter statement)
        {
            string Column(string property) => names.Column<Message>(property);
            return statement
                .Append($"INSERT INTO {names.Table<Message>()} ({Column(nameof(Message.ThreadId))}, {Column(nameof(Message.SenderId))}, {Column(nameof(Message.SentAt))}, ")
                .Append($"{Column(nameof(Message.Content))}, {Column(nameof(Message.Kind))}) ")
                .Append($"VALUES ({statement.Value("t")}, {statement.Value("u")}, {statement.Value("now")}, {statement.Value("content")}, {statement.Value("text")}) ")
                .Append($"RETURNING {Column(nameof(Message.Id))}")
                .Build();
        }

        public IRelationalCommandTemplate Write(StatementWriter statement, bool notify, int refusing)
        {
            var (thread, user, left, active, now, message) = (statement.Value("t"), statement.Value("u"), statement.Value("left"), statement.Value("active"), statement.Value("now"), statement.Value("m"));

            // The thread's latest message moves forward, never back (concurrent replies may commit out of order).
            var latestAt = names.Column<MessageThread>(nameof(MessageThread.LatestMessageAt));
            var latestId = names.Column<MessageThread>(nameof(MessageThread.LatestMessageId));
            statement
                .Append($"UPDATE {names.Table<MessageThread>()} SET {latestId} = CASE WHEN {latestAt} <= {now} THEN {message} ELSE {latestId} END, ")
                .Append($"{latestAt} = CASE WHEN {latestAt} <= {now} THEN {now} ELSE {latestAt} END, ")
                .Append($"{names.Column<MessageThread>(nameof(MessageThread.ConcurrencyStamp))} = {statement.Value("stamp")} ")
                .Append($"WHERE {names.Column<MessageThread>(nameof(MessageThread.Id))} = {thread};\n");

            var (userId, state, counted) = (Participant(nameof(ThreadParticipant.UserId)), Participant(nameof(ThreadParticipant.State)), Participant(ThreadParticipantConfiguration.CountedUnread));
            var inThread = $"{Participant(nameof(ThreadParticipant.ThreadId))} = {thread} AND {state} <> {left}";
            var counters = $"INSERT INTO {names.Table<MailboxCounter>()} ({names.Column<MailboxCounter>(nameof(MailboxCounter.UserId))}, {names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))}) ";
            var addToCounter = $" ON CONFLICT ({names.Column<MailboxCounter>(nameof(MailboxCounter.UserId))}) DO UPDATE SET {names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))} = "
                + $"{names.TableName<MailboxCounter>()}.{names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))} + excluded.{names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))};\n";

            // After the reply everyone else's row is in the inbox and unread (counted), the replier's is read (not counted).
            if (!postgres)
            {
                statement.Append(counters)
                    .Append($"SELECT {userId}, CASE WHEN {userId} <> {user} THEN 1 ELSE -1 END FROM {names.Table<ThreadParticipant>()} ")
                    .Append($"WHERE {inThread} AND {counted} <> ({userId} <> {user}) ORDER BY {userId}")
                    .Append(addToCounter);
            }

            var lastRead = Participant(nameof(ThreadParticipant.LastReadMessageId));
            var (changedAt, latest, hasSent) = (Participant(nameof(ThreadParticipant.StateChangedAt)), Participant(nameof(ThreadParticipant.LatestMessageAt)), Participant(nameof(ThreadParticipant.HasSent)));
            statement
                .Append($"UPDATE {names.Table<ThreadParticipant>()} SET {Participant(nameof(ThreadParticipant.IsUnread))} = ({userId} <> {user}), ")
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
                    .Append($"WHERE {Participant(nameof(ThreadParticipant.ThreadId))} = {thread} AND {counted} <> ({state} = {active} AND {Participant(nameof(ThreadParticipant.IsUnread))}) ")
                    .Append($"RETURNING {userId}, {counted}) ")
                    .Append(counters)
                    .Append($"SELECT {userId}, CASE WHEN {counted} THEN 1 ELSE -1 END FROM changed ORDER BY {userId}")
                    .Append(addToCounter);
            }

            if (notify)
            {
                AppendNotifications(statement, refusing);
            }

            return statement.Build();
        }

        /// <summary>
        /// What waits for each recipient waits for this message too (see <see cref="NotificationOutbox"/>),
        /// and each gets a row of their own: everyone else in the thread but those refusing the
        /// replier and those who turned notifications off.
        /// </summary>
        private void AppendNotifications(StatementWriter statement, int refusing)
        {
            string Column(string property) => names.Column<PendingNotification>(property);
            string Recipient(string property) => Participant("q", property);
            var recipients = $"{Recipient(nameof(ThreadParticipant.ThreadId))} = {statement.Value("t")} AND {Recipient(nameof(ThreadParticipant.State))} <> {statement.Value("left")} "
                + $"AND {Recipient(nameof(ThreadParticipant.UserId))} <> {statement.Value("u")} "
                + $"AND NOT EXISTS (SELECT 1 FROM {names.Table<MessagingPreferences>()} s WHERE s.{names.Column<MessagingPreferences>(nameof(MessagingPreferences.UserId))} = {Recipient(nameof(ThreadParticipant.UserId))} "
                + $"AND s.{names.Column<MessagingPreferences>(nameof(MessagingPreferences.NotifyByEmail))} = {statement.Value("no")})";
            if (refusing > 0)
            {
                recipients += $" AND {Recipient(nameof(ThreadParticipant.UserId))} NOT IN ({string.Join(", ", Enumerable.Range(0, refusing).Select(i => statement.Value("r" + i)))})";
            }

            var awaits = Column(PendingNotificationConfiguration.AwaitsQuiet);
            statement
                .Append($"UPDATE {names.Table<PendingNotification>()} SET {Column(nameof(PendingNotification.DueAt))} = {Column(nameof(PendingNotification.DeadlineAt))}, {awaits} = {statement.Value("no")} ")
                .Append($"WHERE {awaits} = {statement.Value("yes")} AND {Column(nameof(PendingNotification.RecipientId))} IN ")
                .Append($"(SELECT {Recipient(nameof(ThreadParticipant.UserId))} FROM {names.Table<ThreadParticipant>()} q WHERE {recipients});\n")
                .Append($"INSERT INTO {names.Table<PendingNotification>()} ({Column(nameof(PendingNotification.RecipientId))}, {Column(nameof(PendingNotification.ThreadId))}, ")
                .Append($"{Column(nameof(PendingNotification.MessageId))}, {Column(nameof(PendingNotification.DueAt))}, {Column(nameof(PendingNotification.DeadlineAt))}, {awaits}) ")
                .Append($"SELECT {Recipient(nameof(ThreadParticipant.UserId))}, {statement.Value("t")}, {statement.Value("m")}, {statement.Value("due")}, {statement.Value("deadline")}, {statement.Value("awaits")} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} q WHERE {recipients} ORDER BY {Recipient(nameof(ThreadParticipant.UserId))}");
        }
    }
}
