using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Web.Pages;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Api;

/// <summary>The API's GETs: folders, search, a thread, the unread count and the antiforgery token.</summary>
internal static class ApiReads
{
    [RequestConnection.NotNeeded]
    public static Ok<ApiAntiforgeryToken> Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new ApiAntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!));
    }

    public static async Task<Results<Ok<ApiUnreadCount>, ChallengeHttpResult>> UnreadCount(HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        var requests = options.Value.MessageRequests ? await messages.CountRequestsAsync(userId, http.RequestAborted) : 0;
        return TypedResults.Ok(new ApiUnreadCount(await messages.CountUnreadAsync(userId, http.RequestAborted), requests));
    }

    public static async Task<Results<Ok<ApiFolderPage>, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Folder(
        HttpContext http, IUserMessagesService messages, string folder, [FromQuery] string? before, [FromQuery] string? after)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        // Names only: "0" or "Inbox, Sent" are not folders.
        if (!Enum.TryParse<MailboxFolder>(folder, ignoreCase: true, out var which) || !Enum.IsDefined(which)
            || !folder.All(char.IsAsciiLetter))
        {
            return ApiProblems.FolderNotFound();
        }

        var result = await messages.GetFolderAsync(userId, which, new PageRequest(before, after), http.RequestAborted);
        if (!result.Succeeded)
        {
            return ApiProblems.Validation(result.Errors);
        }

        var page = result.Value!;
        return TypedResults.Ok(new ApiFolderPage(ApiNames.Of(page.Folder), page.Threads.Select(ApiThreadSummary.From).ToList(), page.OlderCursor, page.NewerCursor)
        {
            AwaitingReview = page.AwaitingReview,
        });
    }

    public static async Task<Results<Ok<ApiSearchPage>, ValidationProblem, ProblemHttpResult, ChallengeHttpResult>> Search(
        HttpContext http, IUserMessagesService messages, [FromQuery] string? q, [FromQuery] string? before, [FromQuery] string? after)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        var result = await messages.SearchAsync(userId, q ?? string.Empty, new PageRequest(before, after), http.RequestAborted);
        if (result.Status == MessagingStatus.RateLimited)
        {
            return ApiProblems.RateLimited(http, result, "Too many searches");
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Validation(result.Errors);
        }

        var page = result.Value!;
        return TypedResults.Ok(new ApiSearchPage(page.Query, page.Threads.Select(ApiThreadSummary.From).ToList(), page.OlderCursor, page.NewerCursor));
    }

    /// <summary>A page of a thread's messages; like opening the page, reading it marks the thread read.</summary>
    public static async Task<Results<Ok<ApiThread>, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Thread(
        HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id, [FromQuery] string? before, [FromQuery] string? after)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId))
        {
            return ApiProblems.MalformedId();
        }

        var result = await messages.GetThreadAsync(userId, threadId, new PageRequest(before, after), http.RequestAborted);
        if (result.Status == MessagingStatus.NotFound)
        {
            return ApiProblems.NotFound();
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Validation(result.Errors);
        }

        if (result.Value!.IsUnread)
        {
            await messages.MarkSeenAsync(userId, threadId, http.RequestAborted);
        }

        return TypedResults.Ok(ApiThread.From(result.Value, links, http));
    }
}
