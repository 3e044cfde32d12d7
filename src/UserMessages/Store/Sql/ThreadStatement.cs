using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>
/// A thread page's reads as one command of the SQL store: the reader's row with their unread and request counts, the people,
/// a page of messages and, when asked, the reader's held replies, read only for someone who may see the thread.
/// </summary>
internal sealed class ThreadStatement
{
    // One template per page (the newest, older than a cursor, newer than a cursor), page size and whether held replies are read.
    private readonly StatementTemplates<(PageKind Page, int Take, bool Held)> templates;

    private ThreadStatement(StatementTemplates<(PageKind Page, int Take, bool Held)> templates) => this.templates = templates;

    /// <summary>The reader's row of thread <paramref name="threadId"/> and up to <paramref name="take"/> of its messages; null when <paramref name="userId"/> may not see it.</summary>
    public Task<ThreadRead?> ReadAsync(DbContext context, string userId, long threadId, KeysetPage page, int take, bool readHeld, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(6)
        {
            ["user"] = userId,
            ["thread"] = threadId,
            ["gone"] = ThreadAccess.Gone,
        };
        if (page.Cursor is { } cursor)
        {
            values["at"] = cursor.At;
            values["id"] = cursor.Id;
        }

        return StatementRunner.ReadAsync(context, templates.For(context, (page.Kind, take, readHeld)), values, async (reader, ct) =>
        {
            var row = reader.DbDataReader;
            if (!await row.ReadAsync(ct))
            {
                return null;
            }

            var (isUnread, state, lastRead, subject, muted) = (row.GetBoolean(0), (ParticipantState)row.GetInt32(1), row.IsDBNull(2) ? (long?)null : row.GetInt64(2), row.GetString(3), row.GetBoolean(4));
            var about = row.IsDBNull(5) ? null : row.GetString(5);
            var unread = row.IsDBNull(6) ? 0 : Math.Max(row.GetInt32(6), 0);
            var requests = Convert.ToInt32(row.GetValue(7), CultureInfo.InvariantCulture);
            await row.NextResultAsync(ct);
            var participants = new List<ParticipantMark>();
            while (await row.ReadAsync(ct))
            {
                participants.Add(new ParticipantMark(row.GetString(0), row.IsDBNull(1) ? null : row.GetInt64(1), row.IsDBNull(2) || row.GetBoolean(2)));
            }

            await row.NextResultAsync(ct);
            var messages = new List<MessageRow>();
            while (await row.ReadAsync(ct))
            {
                messages.Add(ReadMessage(row));
            }

            await row.NextResultAsync(ct);
            var attachments = new List<MessageAttachment>();
            while (await row.ReadAsync(ct))
            {
                attachments.Add(new MessageAttachment { Id = row.GetInt64(0), MessageId = row.GetInt64(1), FileName = row.GetString(2), ContentType = row.GetString(3), Length = row.GetInt64(4) });
            }

            var held = new List<HeldMessage>();
            if (readHeld)
            {
                await row.NextResultAsync(ct);
                while (await row.ReadAsync(ct))
                {
                    held.Add(new HeldMessage { Id = row.GetInt64(0), SenderId = userId, ThreadId = threadId, Content = row.GetString(1), HeldAt = StoredTime.ReadUtc(row, 2) });
                }
            }

            var header = new ThreadHeader
            {
                IsUnread = isUnread, IsMuted = muted, State = state, LastReadMessageId = lastRead, Subject = subject, About = about, Participants = participants,
                UnreadCount = unread, RequestCount = requests,
            };
            return new ThreadRead(header, messages) { Held = held, Attachments = attachments };
        }, cancellationToken);
    }

    private static MessageRow ReadMessage(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        SenderId = row.GetString(1),
        SentAt = StoredTime.ReadUtc(row, 2),
        Content = row.GetString(3),
        Kind = (MessageKind)row.GetInt32(4),
        AboutUserId = row.IsDBNull(5) ? null : row.GetString(5),
        ReportedByReader = row.GetBoolean(6),
        ContentHtml = row.IsDBNull(7) ? null : row.GetString(7),
        EditedAt = row.IsDBNull(8) ? null : StoredTime.ReadUtc(row, 8),
    };

    /// <summary>The statement for <paramref name="context"/>'s model (one the SQL store serves).</summary>
    public static ThreadStatement Create(DbContext context)
    {
        var model = context.Model;
        var participants = model.FindEntityType(typeof(ThreadParticipant))!;
        var messages = model.FindEntityType(typeof(Message))!;
        var stateMapping = participants.FindProperty(nameof(ThreadParticipant.State))!.GetRelationalTypeMapping();
        var mappings = new Dictionary<string, RelationalTypeMapping>
        {
            ["user"] = participants.FindProperty(nameof(ThreadParticipant.UserId))!.GetRelationalTypeMapping(),
            ["thread"] = participants.FindProperty(nameof(ThreadParticipant.ThreadId))!.GetRelationalTypeMapping(),
            ["gone"] = stateMapping,
            ["at"] = messages.FindProperty(nameof(Message.SentAt))!.GetRelationalTypeMapping(),
            ["id"] = messages.FindProperty(nameof(Message.Id))!.GetRelationalTypeMapping(),
        };

        IRelationalCommandTemplate Build(DbContext context, (PageKind Page, int Take, bool Held) variant)
        {
            var (page, take, readHeld) = variant;
            var names = new SqlNames(context);
            string Row(string alias, string property) => alias + "." + names.Column<ThreadParticipant>(property);
            string MessageColumn(string property) => "m." + names.Column<Message>(property);
            var statement = new StatementWriter(context, mappings);
            var (thread, gone, user) = (statement.Value("thread"), statement.Value("gone"), statement.Value("user"));
            string MaySee(string alias) => $"{Row(alias, nameof(ThreadParticipant.ThreadId))} = {thread} AND {ThreadAccess.MaySeeSql(Row(alias, nameof(ThreadParticipant.State)), gone)}";

            // The reader's row, while they may see the thread, with their unread counter and requests (as the folder statement reads them).
            statement
                .Append($"SELECT {Row("p", nameof(ThreadParticipant.IsUnread))}, {Row("p", nameof(ThreadParticipant.State))}, {Row("p", nameof(ThreadParticipant.LastReadMessageId))}, ")
                .Append($"t.{names.Column<MessageThread>(nameof(MessageThread.Subject))}, {Row("p", nameof(ThreadParticipant.IsMuted))}, t.{names.Column<MessageThread>(nameof(MessageThread.About))}, ")
                .Append($"(SELECT {names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))} FROM {names.Table<MailboxCounter>()} WHERE {names.Column<MailboxCounter>(nameof(MailboxCounter.UserId))} = {user}), ")
                .Append($"(SELECT COUNT(*) FROM {names.Table<ThreadParticipant>()} q WHERE {Row("q", nameof(ThreadParticipant.UserId))} = {user} ")
                .Append($"AND {Row("q", nameof(ThreadParticipant.State))} = {(int)ParticipantState.Request}) FROM {names.Table<ThreadParticipant>()} p ")
                .Append($"INNER JOIN {names.Table<MessageThread>()} t ON t.{names.Column<MessageThread>(nameof(MessageThread.Id))} = {Row("p", nameof(ThreadParticipant.ThreadId))} ")
                .Append($"WHERE {MaySee("p")} AND {Row("p", nameof(ThreadParticipant.UserId))} = {user};\n");

            // Its people (all who have not left), in the order they joined, with how far each has read and whether they share it.
            string Preference(string property) => "f." + names.Column<MessagingPreferences>(property);
            statement
                .Append($"SELECT {Row("o", nameof(ThreadParticipant.UserId))}, {Row("o", nameof(ThreadParticipant.LastReadMessageId))}, {Preference(nameof(MessagingPreferences.ShareReadReceipts))} ")
                .Append($"FROM {names.Table<ThreadParticipant>()} o LEFT JOIN {names.Table<MessagingPreferences>()} f ON {Preference(nameof(MessagingPreferences.UserId))} = {Row("o", nameof(ThreadParticipant.UserId))} ")
                .Append($"WHERE {Row("o", nameof(ThreadParticipant.ThreadId))} = {thread} AND {ThreadAccess.ListedSql(Row("o", nameof(ThreadParticipant.State)), gone)} ")
                .Append($"ORDER BY {Row("o", nameof(ThreadParticipant.JoinedAt))}, {Row("o", nameof(ThreadParticipant.UserId))};\n");

            // A page of its messages, read only for someone who may see it (by the thread's SentAt index, in order), each with
            // whether the reader reported it (by the reports' message-and-reporter index).
            var (at, id) = (MessageColumn(nameof(Message.SentAt)), MessageColumn(nameof(Message.Id)));
            var reported = $"EXISTS (SELECT 1 FROM {names.Table<MessageReport>()} x WHERE x.{names.Column<MessageReport>(nameof(MessageReport.MessageId))} = {id} "
                + $"AND x.{names.Column<MessageReport>(nameof(MessageReport.ReporterId))} = {user})";
            var pageOfMessages = $"FROM {names.Table<Message>()} m WHERE {MessageColumn(nameof(Message.ThreadId))} = {thread} "
                + $"AND EXISTS (SELECT 1 FROM {names.Table<ThreadParticipant>()} r WHERE {MaySee("r")} AND {Row("r", nameof(ThreadParticipant.UserId))} = {user})";
            statement
                .Append($"SELECT {id}, {MessageColumn(nameof(Message.SenderId))}, {at}, {MessageColumn(nameof(Message.Content))}, {MessageColumn(nameof(Message.Kind))}, {MessageColumn(nameof(Message.AboutUserId))}, {reported}, {MessageColumn(nameof(Message.ContentHtml))}, {MessageColumn(nameof(Message.EditedAt))} ")
                .Append(pageOfMessages)
                .AppendPage(at, id, page, take);

            // The files of that page's messages (by the attachments' message index).
            string Attachment(string property) => "a." + names.Column<MessageAttachment>(property);
            statement
                .Append($";\nSELECT {Attachment(nameof(MessageAttachment.Id))}, {Attachment(nameof(MessageAttachment.MessageId))}, {Attachment(nameof(MessageAttachment.FileName))}, ")
                .Append($"{Attachment(nameof(MessageAttachment.ContentType))}, {Attachment(nameof(MessageAttachment.Length))} FROM {names.Table<MessageAttachment>()} a ")
                .Append($"WHERE {Attachment(nameof(MessageAttachment.MessageId))} IN (SELECT {id} {pageOfMessages}")
                .AppendPage(at, id, page, take)
                .Append($") ORDER BY {Attachment(nameof(MessageAttachment.Id))}");
            if (readHeld)
            {
                // The reader's replies in it awaiting review (by the held messages' sender-and-thread index).
                string Held(string property) => "h." + names.Column<HeldMessage>(property);
                statement
                    .Append($";\nSELECT {Held(nameof(HeldMessage.Id))}, {Held(nameof(HeldMessage.Content))}, {Held(nameof(HeldMessage.HeldAt))} FROM {names.Table<HeldMessage>()} h ")
                    .Append($"WHERE {Held(nameof(HeldMessage.SenderId))} = {user} AND {Held(nameof(HeldMessage.ThreadId))} = {thread} ORDER BY {Held(nameof(HeldMessage.Id))}");
            }

            return statement.Build();
        }

        return new ThreadStatement(new(Build));
    }
}
