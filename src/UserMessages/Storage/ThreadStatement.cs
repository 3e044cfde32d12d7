using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Storage.Configurations;

namespace UserMessages.Storage;

/// <summary>
/// A thread page's reads as one command the package writes once per model, for SQLite and
/// PostgreSQL, run as a <see cref="WrittenStatement"/>: the reader's row of the thread with its
/// subject, the people in it, and a page of its messages, as three statements in one command
/// (one round trip). It reads what the compiled <see cref="CompiledReads.ThreadHeader"/> and
/// message queries read, which still run where <see cref="For"/> gives null (another database,
/// or tables that are not plainly the package's own).
/// </summary>
internal sealed class ThreadStatement
{
    private static readonly ConditionalWeakTable<IModel, StrongBox<ThreadStatement?>> PerModel = [];

    // One template per page (the newest, older than a cursor, newer than a cursor) and page size.
    private readonly StatementTemplates<(StatementWriter.Page Page, int Take)> templates;

    private ThreadStatement(StatementTemplates<(StatementWriter.Page Page, int Take)> templates) => this.templates = templates;

    /// <summary>The statement for <paramref name="context"/>'s model, or null where the compiled LINQ queries must run.</summary>
    public static ThreadStatement? For(DbContext context)
        => (PerModel.TryGetValue(context.Model, out var known) ? known : PerModel.GetValue(context.Model, _ => new(Create(context)))).Value;

    /// <summary>
    /// The reader's row of thread <paramref name="threadId"/> and up to <paramref name="take"/> of its
    /// messages: older than <paramref name="before"/> (newest first), newer than <paramref name="after"/>
    /// (oldest first), or the newest; null when <paramref name="userId"/> is not in the thread (then no message is read).
    /// </summary>
    public Task<(CompiledReads.HeaderRow Header, List<CompiledReads.MessageRow> Messages)?> ReadAsync(
        DbContext context, string userId, long threadId, KeysetCursor? before, KeysetCursor? after, int take, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(6)
        {
            ["u"] = userId,
            ["t"] = threadId,
            ["left"] = ParticipantState.Left,
        };
        if ((before ?? after) is { } cursor)
        {
            values["at"] = cursor.At;
            values["id"] = cursor.Id;
        }

        var template = templates.For(context, (StatementWriter.PageOf(before, after), take));
        return WrittenStatement.ReadAsync(context, template, values, static async (reader, ct) =>
        {
            var row = reader.DbDataReader;
            if (!await row.ReadAsync(ct))
            {
                return ((CompiledReads.HeaderRow, List<CompiledReads.MessageRow>)?)null;
            }

            var (isUnread, state, lastRead, subject) = (row.GetBoolean(0), (ParticipantState)row.GetInt32(1), row.IsDBNull(2) ? (long?)null : row.GetInt64(2), row.GetString(3));
            await row.NextResultAsync(ct);
            var participants = new List<string>();
            while (await row.ReadAsync(ct))
            {
                participants.Add(row.GetString(0));
            }

            await row.NextResultAsync(ct);
            var messages = new List<CompiledReads.MessageRow>();
            while (await row.ReadAsync(ct))
            {
                messages.Add(ReadMessage(row));
            }

            var header = new CompiledReads.HeaderRow { IsUnread = isUnread, State = state, LastReadMessageId = lastRead, Subject = subject, Participants = participants };
            return (header, messages);
        }, cancellationToken);
    }

    private static CompiledReads.MessageRow ReadMessage(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        SenderId = row.GetString(1),
        SentAt = StoredTime.ReadUtc(row, 2),
        Content = row.GetString(3),
        Kind = (MessageKind)row.GetInt32(4),
        AboutUserId = row.IsDBNull(5) ? null : row.GetString(5),
    };

    private static ThreadStatement? Create(DbContext context)
    {
        var model = context.Model;
        if (context.Database.ProviderName is not (DatabaseProviders.Sqlite or DatabaseProviders.Postgres)
            || !StatementWriter.ArePlainTables(model, typeof(ThreadParticipant), typeof(MessageThread), typeof(Message)))
        {
            return null;
        }

        var participants = model.FindEntityType(typeof(ThreadParticipant))!;
        var threads = model.FindEntityType(typeof(MessageThread))!;
        var messages = model.FindEntityType(typeof(Message))!;

        // The columns read straight from the reader must be stored as this statement reads them.
        var stateMapping = participants.FindProperty(nameof(ThreadParticipant.State))!.GetRelationalTypeMapping();
        var sentAtMapping = messages.FindProperty(nameof(Message.SentAt))!.GetRelationalTypeMapping();
        var idMapping = messages.FindProperty(nameof(Message.Id))!.GetRelationalTypeMapping();
        if (stateMapping.Converter?.ProviderClrType != typeof(int)
            || messages.FindProperty(nameof(Message.Kind))!.GetTypeMapping().Converter?.ProviderClrType != typeof(int)
            || sentAtMapping.Converter is not UtcDateTimeConverter
            || idMapping.ClrType != typeof(long)
            || participants.FindProperty(nameof(ThreadParticipant.LastReadMessageId))!.ClrType != typeof(long?)
            || !StatementWriter.AreUnconverted(
                participants.FindProperty(nameof(ThreadParticipant.IsUnread))!, participants.FindProperty(nameof(ThreadParticipant.LastReadMessageId))!,
                participants.FindProperty(nameof(ThreadParticipant.UserId))!, threads.FindProperty(nameof(MessageThread.Subject))!,
                messages.FindProperty(nameof(Message.Id))!, messages.FindProperty(nameof(Message.SenderId))!,
                messages.FindProperty(nameof(Message.Content))!, messages.FindProperty(nameof(Message.AboutUserId))!))
        {
            return null;
        }

        var mappings = new Dictionary<string, RelationalTypeMapping>
        {
            ["u"] = participants.FindProperty(nameof(ThreadParticipant.UserId))!.GetRelationalTypeMapping(),
            ["t"] = participants.FindProperty(nameof(ThreadParticipant.ThreadId))!.GetRelationalTypeMapping(),
            ["left"] = stateMapping,
            ["at"] = sentAtMapping,
            ["id"] = idMapping,
        };

        IRelationalCommandTemplate Build(DbContext context, (StatementWriter.Page Page, int Take) variant)
        {
            var (page, take) = variant;
            var names = new SqlNames(context);
            string P(string alias, string property) => alias + "." + names.Column<ThreadParticipant>(property);
            string M(string property) => "m." + names.Column<Message>(property);
            var statement = new StatementWriter(context, mappings);
            var (thread, left, user) = (statement.Value("t"), statement.Value("left"), statement.Value("u"));

            // The reader's row, only while they are in the thread.
            statement
                .Append($"SELECT {P("p", nameof(ThreadParticipant.IsUnread))}, {P("p", nameof(ThreadParticipant.State))}, {P("p", nameof(ThreadParticipant.LastReadMessageId))}, ")
                .Append($"t.{names.Column<MessageThread>(nameof(MessageThread.Subject))} FROM {names.Table<ThreadParticipant>()} p ")
                .Append($"INNER JOIN {names.Table<MessageThread>()} t ON t.{names.Column<MessageThread>(nameof(MessageThread.Id))} = {P("p", nameof(ThreadParticipant.ThreadId))} ")
                .Append($"WHERE {P("p", nameof(ThreadParticipant.ThreadId))} = {thread} AND {P("p", nameof(ThreadParticipant.UserId))} = {user} AND {P("p", nameof(ThreadParticipant.State))} <> {left};\n");

            // The people in it, in the order they joined.
            statement
                .Append($"SELECT {P("o", nameof(ThreadParticipant.UserId))} FROM {names.Table<ThreadParticipant>()} o ")
                .Append($"WHERE {P("o", nameof(ThreadParticipant.ThreadId))} = {thread} AND {P("o", nameof(ThreadParticipant.State))} <> {left} ")
                .Append($"ORDER BY {P("o", nameof(ThreadParticipant.JoinedAt))}, {P("o", nameof(ThreadParticipant.UserId))};\n");

            // A page of its messages, read only for someone in the thread (by the thread's SentAt index, in order).
            var (at, id) = (M(nameof(Message.SentAt)), M(nameof(Message.Id)));
            statement
                .Append($"SELECT {id}, {M(nameof(Message.SenderId))}, {at}, {M(nameof(Message.Content))}, {M(nameof(Message.Kind))}, {M(nameof(Message.AboutUserId))} ")
                .Append($"FROM {names.Table<Message>()} m WHERE {M(nameof(Message.ThreadId))} = {thread} ")
                .Append($"AND EXISTS (SELECT 1 FROM {names.Table<ThreadParticipant>()} r WHERE {P("r", nameof(ThreadParticipant.ThreadId))} = {thread} ")
                .Append($"AND {P("r", nameof(ThreadParticipant.UserId))} = {user} AND {P("r", nameof(ThreadParticipant.State))} <> {left})");
            return statement.AppendPage(at, id, page, take).Build();
        }

        return new ThreadStatement(new(Build));
    }
}
