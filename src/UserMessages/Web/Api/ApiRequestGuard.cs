using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserMessages.Services;
using UserMessages.Web.Pages;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Api;

/// <summary>
/// The checks every state-changing API call passes: an antiforgery token unless the caller
/// authenticated with a bearer token, and a JSON body no larger than the pages' forms accept.
/// </summary>
internal static class ApiRequestGuard
{
    /// <summary>
    /// A browser never adds an <c>Authorization: Bearer</c> header by itself (and a cross-site page
    /// cannot without CORS), so such a call cannot be forged; a cookie-authenticated call can.
    /// </summary>
    public static bool HasBearerToken(HttpContext http)
        => http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static async Task<ProblemHttpResult?> CheckAntiforgeryAsync(HttpContext http)
    {
        if (HasBearerToken(http))
        {
            return null;
        }

        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(http)
            ? null
            : ApiProblems.BadRequest(
                "A call authenticated by the site's cookie must send the token from GET api/antiforgery in its header. Nothing was changed.",
                "Missing or invalid antiforgery token");
    }

    /// <summary>
    /// Checks the antiforgery token, then reads a size-limited JSON body: the body, or a refusal, or
    /// (for a property of the wrong type) a validation problem keyed by that property.
    /// </summary>
    public static async Task<(T? Body, ProblemHttpResult? Refusal, ValidationProblem? Invalid)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        var limit = RequestBodyLimit.For(http.RequestServices.GetRequiredService<IOptions<UserMessagesOptions>>().Value);
        if (http.Request.ContentLength > limit)
        {
            return (null, TooLarge(), null);
        }

        if (!http.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the body as application/json."), null);
        }

        if (await CheckAntiforgeryAsync(http) is { } refusal)
        {
            return (null, refusal, null);
        }

        // Read at most one byte more than the limit, whatever the server and however the body is framed.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return (null, TooLarge(), null);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(), null);
        }

        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            buffer.Position = 0;
            var body = await JsonSerializer.DeserializeAsync<T>(buffer, json, http.RequestAborted);
            return body is null ? (null, MalformedBody(), null) : (body, null, null);
        }
        catch (JsonException e) when (WrongType(http, e.Path) is { } error)
        {
            return (null, null, ApiProblems.Validation([error]));
        }
        catch (JsonException)
        {
            return (null, MalformedBody(), null);
        }
    }

    /// <summary>The error of a body property (<c>$.subject</c>, <c>$.ids[2]</c>...) whose value has the wrong type.</summary>
    private static MessagingError? WrongType(HttpContext http, string? path)
    {
        var describer = http.RequestServices.GetRequiredService<UserMessagesErrorDescriber>();
        var property = path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('[', '.')[0] : null;
        return property?.ToLowerInvariant() switch
        {
            "subject" => describer.NotText("Subject", property),
            "content" => describer.NotText("Content", property),
            "action" => describer.NotText("Action", property),
            "to" => describer.NotAListOfNames(),
            "ids" => describer.InvalidThreadIds(),
            _ => null,
        };
    }

    private static ProblemHttpResult MalformedBody()
        => ApiProblems.BadRequest("The body is not the JSON object this address expects.", "Malformed body");

    private static ProblemHttpResult TooLarge()
        => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too much text", detail: "The body holds more text than any message may hold. Nothing was saved.");
}
