using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using UserMessages.Services;
using UserMessages.Web.Pages;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Api;

/// <summary>
/// <c>POST api/attachments</c>: files (<c>multipart/form-data</c>) checked and kept for the caller's next message, which names
/// them by id (<c>"attachments": [...]</c>); those never sent are deleted after a while.
/// </summary>
internal static class ApiAttachments
{
    public static async Task<Results<Created<IReadOnlyList<ApiAttachment>>, ProblemHttpResult, ValidationProblem, ChallengeHttpResult>> Upload(
        HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options, UserMessagesLinks links)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return TypedResults.Challenge();
        }

        var limit = RequestBodyLimit.For(options.Value, withFiles: true);
        if (http.Request.ContentLength > limit)
        {
            return TooLarge();
        }

        if (!http.Request.HasFormContentType || !http.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the files as multipart/form-data.");
        }

        if (await ApiRequestGuard.CheckAntiforgeryAsync(http) is { } refusal)
        {
            return refusal;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 64 }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException or IOException)
        {
            return e is InvalidDataException { Message: var message } && !message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? ApiProblems.BadRequest("The files could not be read. Nothing was kept.")
                : TooLarge();
        }

        var files = form.Files.Select(f => new AttachmentUpload(f.FileName, f.Length, f.OpenReadStream)).ToList();
        if (files.Count == 0)
        {
            return ApiProblems.BadRequest("Send at least one file (multipart/form-data, field \"files\").");
        }

        var result = await messages.UploadAsync(userId, files, http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Created((string?)null, (IReadOnlyList<ApiAttachment>)result.Value!.Select(a => ApiAttachment.From(a, links, http)).ToList())
            : ApiProblems.Validation(result.Errors);
    }

    private static ProblemHttpResult TooLarge()
        => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: "The files are larger than a message may carry. Nothing was kept.");
}
