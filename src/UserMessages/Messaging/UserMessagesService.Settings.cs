using UserMessages.Domain;
using UserMessages.Users;

namespace UserMessages.Services;

/// <summary>A user's messaging settings, and the people suggested to them as recipients.</summary>
internal sealed partial class UserMessagesService
{
    /// <summary>The most recipient suggestions one type-ahead request returns.</summary>
    internal const int MaxSuggestions = 10;

    public async Task<MessagingPreferences> GetPreferencesAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return await store.ReadPreferencesAsync(userId, cancellationToken) ?? new MessagingPreferences { UserId = userId };
    }

    public Task SetPreferencesAsync(MessagingPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentException.ThrowIfNullOrEmpty(preferences.UserId);
        return store.SavePreferencesAsync(preferences, cancellationToken);
    }

    public async Task<MessagingResult<IReadOnlyList<MessagingUser>>> SuggestRecipientsAsync(string userId, string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var typed = (prefix ?? string.Empty).Trim();
        if (typed.Length < options.Value.MinSearchLength)
        {
            return MessagingResult<IReadOnlyList<MessagingUser>>.Invalid([describer.SearchTooShort(options.Value.MinSearchLength)]);
        }

        if (!TextRules.IsStorable(typed, multiline: false))
        {
            return MessagingResult<IReadOnlyList<MessagingUser>>.Invalid([describer.SearchHasControlCharacters()]);
        }

        // Never list the caller, nor anyone who blocked them.
        var excluded = await store.ReadBlockersOfAsync(userId, cancellationToken);
        excluded.Add(userId);
        var users = await directory.SuggestAsync(typed, excluded, MaxSuggestions, cancellationToken);
        return MessagingResult<IReadOnlyList<MessagingUser>>.Success(users);
    }
}
