using Microsoft.Extensions.Options;
using UserMessages.Services;

namespace UserMessages.Web.Pages;

/// <summary>The type-ahead limit per user (<see cref="UserMessagesLimits.SuggestionsPerMinute"/>).</summary>
internal sealed class SuggestionRateLimiter(IOptions<UserMessagesOptions> options)
    : PerUserRateLimiter(() => options.Value.Limits.SuggestionsPerMinute);
