using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using UserMessages.Domain;

namespace UserMessages.Storage;

/// <summary>
/// The reads every page view makes, compiled once per model (EF Core's compiled queries): the thread
/// page's header and messages, and the unread badge. A compiled query skips EF's per-call work of
/// walking, hashing and looking up the query's expression tree, which was a sixth of a thread
/// page's CPU. EF ties a compiled query to the model it first ran with, so there is one set per
/// model (a host may have several contexts; the tests build many models).
/// </summary>
internal sealed class CompiledReads
{
    private static readonly ConditionalWeakTable<IModel, CompiledReads> PerModel = [];

    /// <summary>The compiled reads for <paramref name="context"/>'s model.</summary>
    public static CompiledReads For(DbContext context) => PerModel.GetValue(context.Model, static _ => new CompiledReads());

    /// <summary>The unread threads in a user's inbox: the counter row, 0 without one.</summary>
    public Func<DbContext, string, CancellationToken, Task<int>> UnreadCount { get; } = EF.CompileAsyncQuery(
        (DbContext c, string userId, CancellationToken ct) => c.Set<MailboxCounter>().AsNoTracking().Where(m => m.UserId == userId).Select(m => m.UnreadThreads).FirstOrDefault());

    /// <summary>The reader's row of a thread with its subject and the people in it (in the order they joined), or null.</summary>
    public Func<DbContext, long, string, ParticipantState, CancellationToken, Task<HeaderRow?>> ThreadHeader { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, string userId, ParticipantState left, CancellationToken ct) => c.Set<ThreadParticipant>().AsNoTracking()
            .Where(p => p.ThreadId == threadId && p.UserId == userId && p.State != left)
            .Select(p => new HeaderRow
            {
                IsUnread = p.IsUnread,
                State = p.State,
                LastReadMessageId = p.LastReadMessageId,
                Subject = p.Thread!.Subject,
                Participants = p.Thread.Participants.Where(o => o.State != left).OrderBy(o => o.JoinedAt).ThenBy(o => o.UserId).Select(o => o.UserId).ToList(),
            })
            .FirstOrDefault());

    /// <summary>The newest <c>take</c> messages of a thread, newest first.</summary>
    public Func<DbContext, long, int, IAsyncEnumerable<MessageRow>> NewestMessages { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, int take) => c.Set<Message>().AsNoTracking()
            .Where(m => m.ThreadId == threadId)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(m => new MessageRow { Id = m.Id, SenderId = m.SenderId, SentAt = m.SentAt, Content = m.Content, Kind = m.Kind, AboutUserId = m.AboutUserId }));

    /// <summary>The <c>take</c> messages just older than a cursor (time, id), newest first.</summary>
    public Func<DbContext, long, DateTime, long, int, IAsyncEnumerable<MessageRow>> MessagesBefore { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, DateTime at, long id, int take) => c.Set<Message>().AsNoTracking()
            .Where(m => m.ThreadId == threadId && (m.SentAt < at || (m.SentAt == at && m.Id < id)))
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(take)
            .Select(m => new MessageRow { Id = m.Id, SenderId = m.SenderId, SentAt = m.SentAt, Content = m.Content, Kind = m.Kind, AboutUserId = m.AboutUserId }));

    /// <summary>The <c>take</c> messages just newer than a cursor (time, id), oldest first.</summary>
    public Func<DbContext, long, DateTime, long, int, IAsyncEnumerable<MessageRow>> MessagesAfter { get; } = EF.CompileAsyncQuery(
        (DbContext c, long threadId, DateTime at, long id, int take) => c.Set<Message>().AsNoTracking()
            .Where(m => m.ThreadId == threadId && (m.SentAt > at || (m.SentAt == at && m.Id > id)))
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Take(take)
            .Select(m => new MessageRow { Id = m.Id, SenderId = m.SenderId, SentAt = m.SentAt, Content = m.Content, Kind = m.Kind, AboutUserId = m.AboutUserId }));

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
