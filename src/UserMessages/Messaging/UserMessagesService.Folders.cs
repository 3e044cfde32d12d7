using System.Globalization;
using UserMessages.Domain;
using UserMessages.Store;

namespace UserMessages.Services;

/// <summary>Folder pages (inbox, sent, archive, trash): one keyset page of the user's threads, newest activity first, with names and excerpts.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult<FolderPage>> GetFolderAsync(string userId, MailboxFolder folder, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        if (!TryReadPage(page, out var keyset))
        {
            return MessagingResult<FolderPage>.Invalid([describer.InvalidCursor()]);
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        var read = await store.ReadFolderAsync(userId, folder, keyset, options.Value.PageSize + 1, cancellationToken);
        var result = await PageOfThreadsAsync(userId, read.Rows, keyset, cancellationToken);
        return MessagingResult<FolderPage>.Success(new FolderPage(folder, result.Threads, result.OlderCursor, result.NewerCursor) {
            UnreadCount = read.UnreadCount,
            RequestCount = read.RequestCount,
            AwaitingReview = folder == MailboxFolder.Sent && keyset.Before is null && keyset.After is null ? await AwaitingReviewAsync(userId, null, cancellationToken) : [],
        });
    }

    /// <summary>
    /// A page of threads from the rows read (one more than a page, newest first; oldest first when
    /// reading after a cursor): with names, excerpts, what each is about and the cursors of the pages around it.
    /// </summary>
    private async Task<SearchPage> PageOfThreadsAsync(string userId, List<ThreadRow> found, KeysetPage keyset, CancellationToken cancellationToken)
    {
        // The join may lose the order of the paged subquery: restore it in memory (at most one page).
        var size = options.Value.PageSize;
        found = found.OrderByDescending(r => r.LatestMessageAt).ThenByDescending(r => r.ThreadId).ToList();
        var hasMore = found.Count > size;
        if (hasMore)
        {
            found = keyset.After is null ? found.Take(size).ToList() : found.Skip(1).ToList();
        }

        var users = await directory.FindByIdsAsync(
            found.SelectMany(r => r.Others).Concat(found.Select(r => r.SenderId)).Distinct().ToList(),
            cancellationToken);
        var cards = await aboutCards.ForPageAsync(userId, found.Select(r => r.About), cancellationToken);
        var threads = found.Select(r => new ThreadSummary(
            r.ThreadId,
            r.Subject,
            r.IsUnread,
            r.LatestMessageAt,
            formerMember.Or(users, r.SenderId),
            Excerpt(r.Excerpt),
            r.Others.Select(id => formerMember.Or(users, id)).ToList(),
            r.State)
        {
            IsMuted = r.IsMuted,
            About = About.AboutReference.TryParse(r.About, out var about) ? about : null,
            AboutCard = r.About is not null && cards.TryGetValue(r.About, out var card) ? card : null,
        }).ToList();

        string? Cursor(int index) => new KeysetCursor(threads[index].LatestMessageAt, threads[index].ThreadId).ToString();
        var older = threads.Count > 0 && (keyset.After is not null || hasMore) ? Cursor(threads.Count - 1) : null;
        var newer = threads.Count > 0 && (keyset.Before is not null || (keyset.After is not null && hasMore)) ? Cursor(0) : null;
        return new SearchPage(string.Empty, threads, older, newer);
    }

    /// <summary>
    /// The beginning of the latest message on one line: at most <see cref="ThreadRow.ExcerptLength"/> characters
    /// (code points, as the database cut them), never splitting an emoji or a letter with its accents.
    /// </summary>
    private static string Excerpt(string text)
    {
        var flat = OnOneLine(text);
        if (text.Length <= ThreadRow.ExcerptLength || text.EnumerateRunes().Count() <= ThreadRow.ExcerptLength)
        {
            return flat;
        }

        var length = 0;
        var runes = 0;
        var elements = StringInfo.GetTextElementEnumerator(flat);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            runes += element.EnumerateRunes().Count();
            if (runes > ThreadRow.ExcerptLength)
            {
                break;
            }

            length += element.Length;
        }

        return flat[..length].TrimEnd() + "\u2026";
    }

    /// <summary>The text with each run of white space (line breaks too) made one space, and none at either end; the text itself when it is so already.</summary>
    private static string OnOneLine(string text)
    {
        var tidy = text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]));
        for (var i = 1; tidy && i < text.Length; i++)
        {
            tidy = !char.IsWhiteSpace(text[i]) || (text[i] == ' ' && !char.IsWhiteSpace(text[i - 1]));
        }

        return tidy ? text : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
