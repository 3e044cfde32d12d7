using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using UserMessages.Services;
using UserMessages.Web.Pages;

namespace UserMessages.Web.Api;

/// <summary>The API's edit and deletion of the caller's own message, and a message's earlier versions.</summary>
internal static class ApiMessageChanges
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Edit(HttpContext http, IUserMessagesService messages, string id, string messageId)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (!TryParse(id, messageId, out var threadId, out var message))
        {
            return MalformedIds();
        }

        var (body, refusal, invalid) = await ApiRequestGuard.ReadAsync<ReplyBody>(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        return Answer(await messages.EditMessageAsync(userId, threadId, message, body!.Content ?? string.Empty, http.RequestAborted));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Delete(HttpContext http, IUserMessagesService messages, string id, string messageId)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (!TryParse(id, messageId, out var threadId, out var message))
        {
            return MalformedIds();
        }

        // A DELETE has no body to read, so the token check (for a call signed in by the site's cookie) is made here.
        return await ApiRequestGuard.CheckAntiforgeryAsync(http) is { } refusal
            ? refusal
            : Answer(await messages.DeleteMessageAsync(userId, threadId, message, http.RequestAborted));
    }

    public static async Task<Results<Ok<ApiMessageVersions>, ProblemHttpResult, ChallengeHttpResult>> Versions(
        HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id, string messageId)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (!TryParse(id, messageId, out var threadId, out var message))
        {
            return MalformedIds();
        }

        var result = await messages.GetMessageVersionsAsync(userId, threadId, message, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(ApiMessageVersions.From(result.Value!, links, http)) : ApiProblems.NotFound();
    }

    private static bool TryParse(string id, string messageId, out long threadId, out long message)
    {
        message = 0;
        return PageRequests.TryParseThreadId(id, out threadId) && PageRequests.TryParseThreadId(messageId, out message);
    }

    private static ProblemHttpResult MalformedIds() => ApiProblems.BadRequest("That is not a valid conversation or message id.");

    private static Results<NoContent, ProblemHttpResult, ValidationProblem, ChallengeHttpResult> Answer(MessagingResult result) => result.Status switch
    {
        MessagingStatus.Succeeded => TypedResults.NoContent(),
        MessagingStatus.NotFound => ApiProblems.NotFound(),
        MessagingStatus.Suspended => ApiProblems.Suspended(result),
        _ => ApiProblems.Validation(result.Errors),
    };
}
