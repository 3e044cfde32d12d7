namespace UserMessages.Services;

/// <summary>Search: the subjects and messages of the user's own threads, as folder-page rows.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<MessagingResult<SearchPage>> SearchAsync(string userId, string query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(page);
        var text = (query ?? string.Empty).Trim();
        if (text.Length < options.Value.MinSearchLength)
        {
            return MessagingResult<SearchPage>.Invalid([describer.SearchTooShort(options.Value.MinSearchLength)]);
        }

        if (!TextRules.IsStorable(text, multiline: false))
        {
            return MessagingResult<SearchPage>.Invalid([describer.SearchHasControlCharacters()]);
        }

        if (!TryReadPage(page, out var keyset))
        {
            return MessagingResult<SearchPage>.Invalid([describer.InvalidCursor()]);
        }

        var (allowed, wait) = searchLimit.TryAcquire(userId);
        if (!allowed)
        {
            return MessagingResult<SearchPage>.RateLimited(describer.TooManySearches(options.Value.Limits.SearchesPerMinute), wait);
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        var rows = await store.SearchAsync(userId, text, keyset, options.Value.PageSize + 1, cancellationToken);
        return MessagingResult<SearchPage>.Success(await PageOfThreadsAsync(userId, rows, keyset, cancellationToken) with { Query = text });
    }
}
