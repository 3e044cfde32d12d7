using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Store;

/// <summary>
/// A folder page (inbox, archive, trash, sent, requests) as one statement of the SQL store: the user's rows in the order
/// of the folder's index, their threads, latest messages and other people's ids, the reader's unread counter and requests.
/// </summary>
internal sealed class FolderStatement
{
    /// <summary>The code of <see cref="ThreadRow.IdSeparator"/>, for the databases' <c>char()</c> and <c>chr()</c>.</summary>
    private static readonly int Separator = ThreadRow.IdSeparator[0];

    // One template per variant (Sent or another folder, page) and page size.
    private readonly StatementTemplates<(bool Sent, PageKind Page, int Take)> templates;

    private FolderStatement(StatementTemplates<(bool Sent, PageKind Page, int Take)> templates) => this.templates = templates;

    /// <summary>
    /// Reads up to <paramref name="take"/> of a user's rows of a folder (see <see cref="CompiledQueries.RowsOf"/>) on the page
    /// asked for, with the user's unread count (null when no row was read).
    /// </summary>
    public Task<FolderRows> ReadAsync(DbContext context, string userId, ParticipantState state, bool sent, KeysetPage page, int take, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(8)
        {
            ["user"] = userId,
            ["state"] = state,
            ["gone"] = ThreadAccess.Gone,
        };
        if (sent)
        {
            values["archived"] = ParticipantState.Archived;
            values["sent"] = true;
        }

        if (page.Cursor is { } cursor)
        {
            values["at"] = cursor.At;
            values["id"] = cursor.Id;
        }

        var template = templates.For(context, (sent, page.Kind, take));
        return StatementRunner.ReadAsync(context, template, values, static async (reader, ct) =>
        {
            var rows = new List<ThreadRow>();
            (int? unread, int? requests) = (null, null);
            while (await reader.ReadAsync(ct))
            {
                var row = reader.DbDataReader;
                rows.Add(Read(row));
                unread ??= row.IsDBNull(8) ? 0 : Math.Max(row.GetInt32(8), 0);
                requests ??= Convert.ToInt32(row.GetValue(9), CultureInfo.InvariantCulture);
            }

            return new FolderRows(rows, unread, requests);
        }, cancellationToken);
    }

    private static ThreadRow Read(DbDataReader row) => new()
    {
        ThreadId = row.GetInt64(0),
        IsUnread = row.GetBoolean(1),
        State = (ParticipantState)row.GetInt32(2),
        LatestMessageAt = StoredTime.ReadUtc(row, 3),
        Subject = row.GetString(4),
        SenderId = row.GetString(5),
        Excerpt = row.GetString(6),
        OtherIds = row.IsDBNull(7) ? [] : row.GetString(7).Split(ThreadRow.IdSeparator, StringSplitOptions.RemoveEmptyEntries),
        IsMuted = row.GetBoolean(10),
        About = row.IsDBNull(11) ? null : row.GetString(11),
    };

    /// <summary>The statement for <paramref name="context"/>'s model (one the SQL store serves).</summary>
    public static FolderStatement Create(DbContext context)
    {
        // The function that joins the other people's ids.
        var joinIds = context.Database.ProviderName == DatabaseProviders.Postgres ? $"string_agg({{0}}, chr({Separator}))" : $"group_concat({{0}}, char({Separator}))";
        var model = context.Model;
        var participants = model.FindEntityType(typeof(ThreadParticipant))!;

        var stateMapping = participants.FindProperty(nameof(ThreadParticipant.State))!.GetRelationalTypeMapping();
        var atMapping = participants.FindProperty(nameof(ThreadParticipant.LatestMessageAt))!.GetRelationalTypeMapping();
        var idMapping = participants.FindProperty(nameof(ThreadParticipant.ThreadId))!.GetRelationalTypeMapping();
        var mappings = new Dictionary<string, RelationalTypeMapping>
        {
            ["user"] = participants.FindProperty(nameof(ThreadParticipant.UserId))!.GetRelationalTypeMapping(),
            ["state"] = stateMapping,
            ["archived"] = stateMapping,
            ["gone"] = stateMapping,
            ["sent"] = participants.FindProperty(nameof(ThreadParticipant.HasSent))!.GetRelationalTypeMapping(),
            ["at"] = atMapping,
            ["id"] = idMapping,
        };

        IRelationalCommandTemplate Build(DbContext context, (bool Sent, PageKind Page, int Take) variant)
        {
            var (sent, page, take) = variant;
            var names = new SqlNames(context);
            string Row(string property) => "p." + names.Column<ThreadParticipant>(property);
            string Other(string property) => "o." + names.Column<ThreadParticipant>(property);
            var statement = new StatementWriter(context, mappings);
            var (at, id, state, user) = (Row(nameof(ThreadParticipant.LatestMessageAt)), Row(nameof(ThreadParticipant.ThreadId)), Row(nameof(ThreadParticipant.State)), statement.Value("user"));
            statement
                .Append($"SELECT {id}, {Row(nameof(ThreadParticipant.IsUnread))}, {state}, {at}, ")
                .Append($"t.{names.Column<MessageThread>(nameof(MessageThread.Subject))}, m.{names.Column<Message>(nameof(Message.SenderId))}, ")
                .Append($"substr(m.{names.Column<Message>(nameof(Message.Content))}, 1, {ThreadRow.ExcerptLength + 1}), ")
                .Append($"(SELECT {string.Format(CultureInfo.InvariantCulture, joinIds, Other(nameof(ThreadParticipant.UserId)))} FROM {names.Table<ThreadParticipant>()} o ")
                .Append($"WHERE {Other(nameof(ThreadParticipant.ThreadId))} = {id} AND {Other(nameof(ThreadParticipant.UserId))} <> {user} ")
                .Append($"AND {ThreadAccess.ListedSql(Other(nameof(ThreadParticipant.State)), statement.Value("gone"))})")
                .Append($", (SELECT {names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))} FROM {names.Table<MailboxCounter>()} WHERE {names.Column<MailboxCounter>(nameof(MailboxCounter.UserId))} = {user})")
                .Append($", (SELECT COUNT(*) FROM {names.Table<ThreadParticipant>()} r WHERE r.{names.Column<ThreadParticipant>(nameof(ThreadParticipant.UserId))} = {user} ")
                .Append($"AND r.{names.Column<ThreadParticipant>(nameof(ThreadParticipant.State))} = {(int)ParticipantState.Request}), ")
                .Append($"{Row(nameof(ThreadParticipant.IsMuted))}, t.{names.Column<MessageThread>(nameof(MessageThread.About))} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} p ")
                .Append($"INNER JOIN {names.Table<MessageThread>()} t ON t.{names.Column<MessageThread>(nameof(MessageThread.Id))} = {id} ")
                .Append($"INNER JOIN {names.Table<Message>()} m ON m.{names.Column<Message>(nameof(Message.Id))} = t.{names.Column<MessageThread>(nameof(MessageThread.LatestMessageId))} ")
                .Append($"WHERE {Row(nameof(ThreadParticipant.UserId))} = {user} AND ");

            // The same predicates as the compiled queries, so each reads its index in order (see QueryPlanTests).
            statement.Append(sent
                ? $"{Row(nameof(ThreadParticipant.HasSent))} = {statement.Value("sent")} AND ({state} = {statement.Value("state")} OR {state} = {statement.Value("archived")})"
                : $"{state} = {statement.Value("state")}");
            return statement.AppendPage(at, id, page, take).Build();
        }

        return new FolderStatement(new(Build));
    }
}
