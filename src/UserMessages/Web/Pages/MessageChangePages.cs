using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.ViewModels;

namespace UserMessages.Web.Pages;

/// <summary>A sender's edit and deletion of their own message, and the page of a message's earlier versions.</summary>
internal static class MessageChangePages
{
    public static async Task<IResult> ShowEdit(HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options, string id, string messageId)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId) || !PageRequests.TryParseThreadId(messageId, out var message))
        {
            return PageRequests.MalformedId();
        }

        return await RenderEditAsync(http, messages, options, userId, threadId, message, null, new FormErrors(), StatusCodes.Status200OK);
    }

    public static async Task<IResult> Edit(HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options, UserMessagesLinks links, string id, string messageId)
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

        var content = p.Form["Content"].ToString();
        var result = await messages.EditMessageAsync(p.UserId, p.ThreadId, message, content, http.RequestAborted);
        if (result.Succeeded)
        {
            return Results.Redirect(links.Thread(http, p.ThreadId) + "#message-" + message);
        }

        if (result.Status == MessagingStatus.NotFound)
        {
            return PageResult.NotFound();
        }

        // Not a message one may change (someone else's, a system line, a deleted one): said as it is, there is no form to show.
        // One whose window ended while the edit was typed comes back with the text, to copy.
        if (result.Errors.All(e => e.Field is null && e.Code != nameof(UserMessagesErrorDescriber.EditWindowOver)))
        {
            return PageResult.Problem(PageResult.StatusFor(result), "Not saved", result.Errors[0].Description);
        }

        // Refused text: the form comes back with it kept.
        var errors = new FormErrors();
        foreach (var error in result.Errors)
        {
            errors.Add("Content", error.Description);
        }

        return await RenderEditAsync(http, messages, options, p.UserId, p.ThreadId, message, content, errors, PageResult.StatusFor(result));
    }

    public static async Task<IResult> Delete(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id, string messageId)
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

        var result = await messages.DeleteMessageAsync(p.UserId, p.ThreadId, message, http.RequestAborted);
        return result.Succeeded ? Results.Redirect(links.Thread(http, p.ThreadId) + "#message-" + message)
            : result.Status == MessagingStatus.NotFound ? PageResult.NotFound()
            : PageResult.Problem(PageResult.StatusFor(result), "Not deleted", result.Errors[0].Description);
    }

    public static async Task<IResult> Versions(HttpContext http, IUserMessagesService messages, string id, string messageId)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId) || !PageRequests.TryParseThreadId(messageId, out var message))
        {
            return PageRequests.MalformedId();
        }

        var result = await messages.GetMessageVersionsAsync(userId, threadId, message, http.RequestAborted);
        return result.Succeeded ? new PageResult(ViewPaths.MessageVersions, new MessageVersionsViewModel(result.Value!, userId), StatusCodes.Status200OK) : PageResult.NotFound();
    }

    private static async Task<IResult> RenderEditAsync(
        HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options, string userId, long threadId, long messageId, string? content, FormErrors errors, int statusCode)
    {
        var result = await messages.GetMessageVersionsAsync(userId, threadId, messageId, http.RequestAborted);
        if (!result.Succeeded)
        {
            return PageResult.NotFound();
        }

        var current = result.Value!.Current;
        if (current.Sender.Id != userId || current.Kind != MessageKind.Text)
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", current.Kind == MessageKind.Text ? "Only your own messages can be edited or deleted." : "This message was deleted, so it cannot be changed.");
        }

        return new PageResult(ViewPaths.EditMessage, new EditMessageViewModel(threadId, current, content ?? current.Content, errors, options.Value.MaxContentLength), statusCode);
    }
}
