using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using UserMessages.Services;

namespace UserMessages.Web.Api;

/// <summary>Every error the API answers, as <c>application/problem+json</c>.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound()
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found", detail: "This conversation does not exist, or you are not taking part in it.");

    public static ProblemHttpResult FolderNotFound()
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Folder not found", detail: "The folders are inbox, requests, sent, archive and trash.");

    public static ProblemHttpResult MalformedId()
        => BadRequest("That is not a valid conversation id.");

    public static ProblemHttpResult BadRequest(string detail, string title = "Bad request")
        => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    /// <summary>Field errors keyed by the JSON property the caller sent (<c>subject</c>, <c>content</c>, <c>to</c>...), with their stable codes.</summary>
    public static ValidationProblem Validation(IEnumerable<MessagingError> errors)
    {
        var list = errors.ToList();
        var byField = list.GroupBy(e => FieldOf(e.Field), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            byField.ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal),
            title: "The request has errors",
            extensions: new Dictionary<string, object?>
            {
                ["codes"] = list.GroupBy(e => FieldOf(e.Field), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray(), StringComparer.Ordinal),
            });
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds, and the limit's <c>code</c>.</summary>
    public static ProblemHttpResult RateLimited(HttpContext http, MessagingResult result, string title = "Too many messages")
    {
        var wait = result.RetryAfter ?? TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: title,
            detail: result.Errors.Count > 0 ? result.Errors[0].Description : "Wait a moment and send again.",
            extensions: result.Errors.Count > 0 ? new Dictionary<string, object?> { ["code"] = result.Errors[0].Code } : null);
    }

    /// <summary>403 for a sender a moderator suspended, with <c>suspendedUntil</c> (UTC; <c>null</c> until lifted).</summary>
    public static ProblemHttpResult Suspended(MessagingResult result)
        => TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Messaging suspended",
            detail: result.Errors[0].Description,
            extensions: new Dictionary<string, object?> { ["code"] = result.Errors[0].Code, ["suspendedUntil"] = result.SuspendedUntil });

    private static string FieldOf(string? field) => field switch
    {
        null => string.Empty,
        "Recipients" => "to",
        "Threads" => "ids",
        "Query" => "q",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
