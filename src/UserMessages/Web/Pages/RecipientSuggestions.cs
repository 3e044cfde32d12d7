using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using UserMessages.Services;

namespace UserMessages.Web.Pages;

/// <summary>
/// The recipient type-ahead: GET <c>recipients?q=bo</c> answers at most 10 users as JSON, for a
/// signed-in user, from two characters on, rate limited per user; nobody who blocked the caller.
/// </summary>
internal static class RecipientSuggestions
{
    public static async Task<Results<Ok<RecipientSuggestion[]>, ProblemHttpResult, ChallengeHttpResult>> Suggest(
        HttpContext http, IUserMessagesService messages, SuggestionRateLimiter limiter, [FromQuery] string? q)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        var (allowed, retryAfter) = limiter.TryAcquire(userId);
        if (!allowed)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "Wait a moment before asking for more suggestions.");
        }

        var result = await messages.SuggestRecipientsAsync(userId, q ?? string.Empty, http.RequestAborted);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: result.Errors[0].Description);
        }

        return TypedResults.Ok(result.Value!.Select(u => new RecipientSuggestion(u.Id, u.DisplayName)).ToArray());
    }
}
