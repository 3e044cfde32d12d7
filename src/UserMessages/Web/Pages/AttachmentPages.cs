using System.Net.Mime;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using UserMessages.Services;

namespace UserMessages.Web.Pages;

/// <summary>An attachment's download: only to the people of its thread, with its own type, never sniffed, and pictures alone shown in the page.</summary>
internal static class AttachmentPages
{
    public static async Task<IResult> Download(HttpContext http, IUserMessagesService messages, string id)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var attachmentId))
        {
            return PageRequests.MalformedId();
        }

        var result = await messages.OpenAttachmentAsync(userId, attachmentId, http.RequestAborted);
        if (!result.Succeeded)
        {
            return PageResult.NotFound();
        }

        var (attachment, content) = result.Value!;
        var headers = http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";

        // Even opened on its own, a file runs nothing and loads nothing (a PDF viewer or a picture needs neither).
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
        var disposition = new ContentDispositionHeaderValue(attachment.IsImage ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(attachment.FileName);
        headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return Results.Stream(content, attachment.ContentType, enableRangeProcessing: false);
    }
}
