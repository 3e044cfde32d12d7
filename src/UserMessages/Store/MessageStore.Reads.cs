using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>Folder pages, search and the thread page: keyset-paged, a fixed number of statements whatever the sizes.</summary>
internal partial class MessageStore
{
    public virtual async Task<FolderRows> ReadFolderAsync(string userId, MailboxFolder folder, KeysetPage page, int take, CancellationToken cancellationToken)
    {
        var (state, sent) = CompiledQueries.RowsOf(folder);
        var rows = await CompiledQueries.For(Context).ReadFolder(Context, userId, state, sent, page, take).ToListAsync(cancellationToken);
        return new FolderRows(rows, UnreadCount: null);
    }

    public virtual Task<List<ThreadRow>> SearchAsync(string userId, string text, KeysetPage page, int take, CancellationToken cancellationToken)
        => ReadSearchPageAsync(userId, Matching(Searched(userId, page), text), page, take, cancellationToken);

    /// <summary>The user's rows of the threads they may see, within <paramref name="page"/>'s keyset bounds, in no order yet.</summary>
    protected IQueryable<ThreadParticipant> Searched(string userId, KeysetPage page)
    {
        var rows = Db.Participants.AsNoTracking().Where(p => p.UserId == userId).WhoMaySee();
        if (page.Before is { } b)
        {
            return rows.Where(p => p.LatestMessageAt < b.At || (p.LatestMessageAt == b.At && p.ThreadId < b.Id));
        }

        return page.After is { } a ? rows.Where(p => p.LatestMessageAt > a.At || (p.LatestMessageAt == a.At && p.ThreadId > a.Id)) : rows;
    }

    /// <summary><paramref name="rows"/> in the order <paramref name="page"/> reads them: newest first, or oldest first after a cursor.</summary>
    protected static IOrderedQueryable<ThreadParticipant> InPageOrder(IQueryable<ThreadParticipant> rows, KeysetPage page) => page.After is null
        ? rows.OrderByDescending(p => p.LatestMessageAt).ThenByDescending(p => p.ThreadId)
        : rows.OrderBy(p => p.LatestMessageAt).ThenBy(p => p.ThreadId);

    /// <summary>The first <paramref name="take"/> of <paramref name="matching"/> in page order, read as folder rows in one statement.</summary>
    protected async Task<List<ThreadRow>> ReadSearchPageAsync(string userId, IQueryable<ThreadParticipant> matching, KeysetPage page, int take, CancellationToken cancellationToken)
    {
        var ordered = InPageOrder(matching, page).Take(take);

        // The same page query as the folders' compiled ones, over these rows (the user id as a parameter).
        var reader = new { userId };
        var query = CompiledQueries.Inline(
            CompiledQueries.WithThreads,
            Expression.Constant(Context),
            ordered.Expression,
            Expression.Property(Expression.Constant(reader), nameof(reader.userId)));
        return await ordered.Provider.CreateQuery<ThreadRow>(query).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Those of <paramref name="rows"/> whose thread's subject or a written message contains
    /// <paramref name="text"/> as typed, or lowered in a lowered column (SQLite lowers only ASCII letters).
    /// </summary>
    protected virtual IQueryable<ThreadParticipant> Matching(IQueryable<ThreadParticipant> rows, string text)
    {
        var (lowered, written) = (text.ToLowerInvariant(), MessageKind.Text);
        return rows.Where(p => p.Thread!.Subject.ToLower().Contains(lowered) || p.Thread.Subject.Contains(text)
            || Db.Messages.Any(m => m.ThreadId == p.ThreadId && m.Kind == written && (m.Content.ToLower().Contains(lowered) || m.Content.Contains(text))));
    }

    public virtual async Task<ThreadRead?> ReadThreadAsync(string userId, long threadId, KeysetPage page, int take, bool readHeld, CancellationToken cancellationToken)
    {
        var queries = CompiledQueries.For(Context);
        if (await queries.ThreadHeader(Context, threadId, userId, cancellationToken) is not { } header)
        {
            return null;
        }

        var messages = await queries.ReadMessages(Context, threadId, page, take).ToListAsync(cancellationToken);
        var reported = await Db.Reports.AsNoTracking().Where(r => r.ThreadId == threadId && r.ReporterId == userId).Select(r => r.MessageId).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.ReportedByReader = reported.Contains(message.Id);
        }

        return new ThreadRead(header, messages)
        {
            Held = readHeld ? await ReadHeldAsync(userId, threadId, cancellationToken) : [],
            Attachments = await ReadAttachmentsOfAsync([.. messages.Select(m => m.Id)], cancellationToken),
        };
    }
}
