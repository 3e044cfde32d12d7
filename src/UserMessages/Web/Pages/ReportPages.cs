using Microsoft.AspNetCore.Http;
using UserMessages.Domain;
using UserMessages.Moderation;
using UserMessages.Services;
using UserMessages.ViewModels;

namespace UserMessages.Web.Pages;

/// <summary>The page where a participant reports a message of a thread to the moderators, and its form.</summary>
internal static class ReportPages
{
    public static async Task<IResult> Show(HttpContext http, MessageModeration moderation, string id, string messageId)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId) || !PageRequests.TryParseThreadId(messageId, out var message))
        {
            return PageRequests.MalformedId();
        }

        return await RenderAsync(http, moderation, userId, threadId, message, null, string.Empty, false, new FormErrors(), StatusCodes.Status200OK);
    }

    public static async Task<IResult> Send(HttpContext http, MessageModeration moderation, UserMessagesLinks links, string id, string messageId)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id);
        if (post is not { } p)
        {
            return refusal!;
        }

        if (!PageRequests.TryParseThreadId(messageId, out var message))
        {
            return PageRequests.MalformedId();
        }

        var reason = MessageModeration.ParseReason(p.Form["Reason"].ToString());
        var note = p.Form["Note"].ToString();
        var block = p.Form["BlockSender"].ToString() == "true";
        var result = await moderation.ReportAsync(p.UserId, p.ThreadId, message, reason, note, block, http.RequestAborted);
        if (result.Succeeded)
        {
            return Results.Redirect(links.Thread(http, p.ThreadId) + "#message-" + message);
        }

        if (result.Status == MessagingStatus.NotFound)
        {
            return PageResult.NotFound();
        }

        var errors = new FormErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Field ?? string.Empty, error.Description);
        }

        return await RenderAsync(http, moderation, p.UserId, p.ThreadId, message, reason, note, block, errors, PageResult.StatusFor(result), result.RetryAfter);
    }

    private static async Task<IResult> RenderAsync(
        HttpContext http, MessageModeration moderation, string userId, long threadId, long messageId, ReportReason? reason, string note, bool block, FormErrors errors, int statusCode, TimeSpan? retryAfter = null)
    {
        if (await moderation.ReadReportableAsync(userId, threadId, messageId, http.RequestAborted) is not { } found)
        {
            return PageResult.NotFound();
        }

        var (message, subject, reported) = found;
        if (message.Sender.Id == userId || message.Kind != MessageKind.Text)
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", "Only messages others wrote can be reported.");
        }

        return new PageResult(ViewPaths.Report, new ReportFormViewModel(threadId, subject, message, reason, note, block, errors) { AlreadyReported = reported }, statusCode) { RetryAfter = retryAfter };
    }
}
