using System.Data.Common;
using System.Globalization;
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
/// A folder page (inbox, archive, trash, sent) as SQL the package writes once per model, for
/// SQLite and PostgreSQL, run as a <see cref="WrittenStatement"/>: one flat join of the user's
/// participant rows (read in the order of the folder's index, cut to a page) with their threads
/// and latest messages, and a subquery per row that joins the other people's ids into one column.
/// It also reads the reader's unread count (their counter row, once per statement), so that the
/// unread badge of a folder page needs no statement of its own.
/// </summary>
/// <remarks>
/// It reads what <see cref="CompiledReads.WithThreads"/> reads. EF Core writes that query with
/// the page as a derived table and a grouped subquery, which SQLite parses and plans again on
/// every run, and runs the compiled query through its shapers; this statement is shorter to
/// parse and is read straight into rows. Where the tables are not plainly the package's own (a
/// host's query filter, an inheritance hierarchy, a changed column conversion) or the database is
/// another one, <see cref="For"/> gives null and the compiled LINQ queries run instead.
/// </remarks>
internal sealed class FolderStatement
{
    private static readonly ConditionalWeakTable<IModel, StrongBox<FolderStatement?>> PerModel = [];

    /// <summary>The code of <see cref="CompiledReads.IdSeparator"/>, for the databases' <c>char()</c> and <c>chr()</c>.</summary>
    private static readonly int Separator = CompiledReads.IdSeparator[0];

    // One template per variant (Sent or another folder, page) and page size.
    private readonly StatementTemplates<(bool Sent, StatementWriter.Page Page, int Take)> templates;

    private FolderStatement(StatementTemplates<(bool Sent, StatementWriter.Page Page, int Take)> templates) => this.templates = templates;

    /// <summary>The statement for <paramref name="context"/>'s model, or null where the compiled LINQ queries must run.</summary>
    public static FolderStatement? For(DbContext context)
        => (PerModel.TryGetValue(context.Model, out var known) ? known : PerModel.GetValue(context.Model, _ => new(Create(context)))).Value;

    /// <summary>
    /// Reads up to <paramref name="take"/> of <paramref name="userId"/>'s rows: in <paramref name="state"/>,
    /// or for Sent (<paramref name="sent"/>) the rows they wrote in that are in <paramref name="state"/>
    /// or archived (see <see cref="CompiledReads.RowsOf"/>); older than <paramref name="before"/> (newest first), newer than
    /// <paramref name="after"/> (oldest first), or the newest; with the user's unread count, null when no row was read.
    /// </summary>
    public Task<(List<CompiledReads.ThreadRow> Rows, int? UnreadCount)> ReadAsync(
        DbContext context,
        string userId,
        ParticipantState state,
        bool sent,
        KeysetCursor? before,
        KeysetCursor? after,
        int take,
        CancellationToken cancellationToken)
    {
        var cursor = before ?? after;
        var values = new Dictionary<string, object?>(8)
        {
            ["u"] = userId,
            ["s"] = state,
            ["left"] = ParticipantState.Left,
        };
        if (sent)
        {
            values["s2"] = ParticipantState.Archived;
            values["sent"] = true;
        }

        if (cursor is { } c)
        {
            values["at"] = c.At;
            values["id"] = c.Id;
        }

        var template = templates.For(context, (sent, StatementWriter.PageOf(before, after), take));
        return WrittenStatement.ReadAsync(context, template, values, static async (reader, ct) =>
        {
            var rows = new List<CompiledReads.ThreadRow>();
            int? unread = null;
            while (await reader.ReadAsync(ct))
            {
                var row = reader.DbDataReader;
                rows.Add(Read(row));
                unread ??= row.IsDBNull(8) ? 0 : Math.Max(row.GetInt32(8), 0);
            }

            return (rows, unread);
        }, cancellationToken);
    }

    private static CompiledReads.ThreadRow Read(DbDataReader row) => new()
    {
        ThreadId = row.GetInt64(0),
        IsUnread = row.GetBoolean(1),
        State = (ParticipantState)row.GetInt32(2),
        LatestMessageAt = StoredTime.ReadUtc(row, 3),
        Subject = row.GetString(4),
        SenderId = row.GetString(5),
        Excerpt = row.GetString(6),
        OtherIds = row.IsDBNull(7) ? string.Empty : row.GetString(7),
    };

    private static FolderStatement? Create(DbContext context)
    {
        // The function that joins the other people's ids; only where the package knows it.
        var joinIds = context.Database.ProviderName switch
        {
            DatabaseProviders.Sqlite => $"group_concat({{0}}, char({Separator}))",
            DatabaseProviders.Postgres => $"string_agg({{0}}, chr({Separator}))",
            _ => null,
        };
        var model = context.Model;
        if (joinIds is null || !StatementWriter.ArePlainTables(model, typeof(ThreadParticipant), typeof(MessageThread), typeof(Message), typeof(MailboxCounter)))
        {
            return null;
        }

        var participants = model.FindEntityType(typeof(ThreadParticipant))!;
        var threads = model.FindEntityType(typeof(MessageThread))!;
        var messages = model.FindEntityType(typeof(Message))!;
        var counters = model.FindEntityType(typeof(MailboxCounter))!;

        // The columns read straight from the reader must be stored as this statement reads them.
        var stateMapping = participants.FindProperty(nameof(ThreadParticipant.State))!.GetRelationalTypeMapping();
        var atMapping = participants.FindProperty(nameof(ThreadParticipant.LatestMessageAt))!.GetRelationalTypeMapping();
        var idMapping = participants.FindProperty(nameof(ThreadParticipant.ThreadId))!.GetRelationalTypeMapping();
        if (stateMapping.Converter?.ProviderClrType != typeof(int)
            || atMapping.Converter is not UtcDateTimeConverter
            || idMapping.ClrType != typeof(long)
            || !StatementWriter.AreUnconverted(
                participants.FindProperty(nameof(ThreadParticipant.ThreadId))!, participants.FindProperty(nameof(ThreadParticipant.IsUnread))!,
                participants.FindProperty(nameof(ThreadParticipant.UserId))!, threads.FindProperty(nameof(MessageThread.Subject))!,
                messages.FindProperty(nameof(Message.SenderId))!, messages.FindProperty(nameof(Message.Content))!,
                counters.FindProperty(nameof(MailboxCounter.UserId))!, counters.FindProperty(nameof(MailboxCounter.UnreadThreads))!))
        {
            return null;
        }

        var mappings = new Dictionary<string, RelationalTypeMapping>
        {
            ["u"] = participants.FindProperty(nameof(ThreadParticipant.UserId))!.GetRelationalTypeMapping(),
            ["s"] = stateMapping,
            ["s2"] = stateMapping,
            ["left"] = stateMapping,
            ["sent"] = participants.FindProperty(nameof(ThreadParticipant.HasSent))!.GetRelationalTypeMapping(),
            ["at"] = atMapping,
            ["id"] = idMapping,
        };

        IRelationalCommandTemplate Build(DbContext context, (bool Sent, StatementWriter.Page Page, int Take) variant)
        {
            var (sent, page, take) = variant;
            var names = new SqlNames(context);
            string P(string property) => "p." + names.Column<ThreadParticipant>(property);
            string O(string property) => "o." + names.Column<ThreadParticipant>(property);
            var statement = new StatementWriter(context, mappings);
            var (at, id, state) = (P(nameof(ThreadParticipant.LatestMessageAt)), P(nameof(ThreadParticipant.ThreadId)), P(nameof(ThreadParticipant.State)));
            statement
                .Append($"SELECT {id}, {P(nameof(ThreadParticipant.IsUnread))}, {state}, {at}, ")
                .Append($"t.{names.Column<MessageThread>(nameof(MessageThread.Subject))}, m.{names.Column<Message>(nameof(Message.SenderId))}, ")
                .Append($"substr(m.{names.Column<Message>(nameof(Message.Content))}, 1, {CompiledReads.ExcerptLength + 1}), ")
                .Append($"(SELECT {string.Format(CultureInfo.InvariantCulture, joinIds, O(nameof(ThreadParticipant.UserId)))} FROM {names.Table<ThreadParticipant>()} o ")
                .Append($"WHERE {O(nameof(ThreadParticipant.ThreadId))} = {id} AND {O(nameof(ThreadParticipant.UserId))} <> {statement.Value("u")} AND {O(nameof(ThreadParticipant.State))} <> {statement.Value("left")})")
                .Append($", (SELECT {names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))} FROM {names.Table<MailboxCounter>()} WHERE {names.Column<MailboxCounter>(nameof(MailboxCounter.UserId))} = {statement.Value("u")}) ")
                .Append($"FROM {names.Table<ThreadParticipant>()} p ")
                .Append($"INNER JOIN {names.Table<MessageThread>()} t ON t.{names.Column<MessageThread>(nameof(MessageThread.Id))} = {id} ")
                .Append($"INNER JOIN {names.Table<Message>()} m ON m.{names.Column<Message>(nameof(Message.Id))} = t.{names.Column<MessageThread>(nameof(MessageThread.LatestMessageId))} ")
                .Append($"WHERE {P(nameof(ThreadParticipant.UserId))} = {statement.Value("u")} AND ");

            // The same predicates as the compiled queries, so each reads its index in order (see QueryPlanTests).
            statement.Append(sent
                ? $"{P(nameof(ThreadParticipant.HasSent))} = {statement.Value("sent")} AND ({state} = {statement.Value("s")} OR {state} = {statement.Value("s2")})"
                : $"{state} = {statement.Value("s")}");
            return statement.AppendPage(at, id, page, take).Build();
        }

        return new FolderStatement(new(Build));
    }
}
