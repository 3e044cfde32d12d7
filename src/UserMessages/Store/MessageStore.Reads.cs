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

    public async Task<List<ThreadRow>> SearchAsync(string userId, string text, KeysetPage page, int take, CancellationToken cancellationToken)
    {
        var rows = Matching(Db.Participants.AsNoTracking().Where(p => p.UserId == userId).WhoMaySee(), text);
        if (page.Before is { } b)
        {
            rows = rows.Where(p => p.LatestMessageAt < b.At || (p.LatestMessageAt == b.At && p.ThreadId < b.Id));
        }
        else if (page.After is { } a)
        {
            rows = rows.Where(p => p.LatestMessageAt > a.At || (p.LatestMessageAt == a.At && p.ThreadId > a.Id));
        }

        var ordered = page.After is null
            ? rows.OrderByDescending(p => p.LatestMessageAt).ThenByDescending(p => p.ThreadId)
            : rows.OrderBy(p => p.LatestMessageAt).ThenBy(p => p.ThreadId);

        // The same page query as the folders' compiled ones, over these rows (the user id as a parameter).
        var reader = new { userId };
        var query = CompiledQueries.Inline(
            CompiledQueries.WithThreads,
            Expression.Constant(Context),
            ordered.Take(take).Expression,
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
