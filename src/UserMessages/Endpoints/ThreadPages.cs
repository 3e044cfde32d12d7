using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UserMessages.Services;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Endpoints;

/// <summary>A thread page, its reply form, and the delete and restore buttons.</summary>
internal static class ThreadPages
{
    public static async Task<IResult> Show(
        HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options, string id, [FromQuery] string? before, [FromQuery] string? after)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId))
        {
            return PageRequests.MalformedId();
        }

        var reply = new ReplyForm { ThreadId = threadId, MaxContentLength = options.Value.MaxContentLength };
        return await RenderAsync(http, messages, userId, threadId, new PageRequest(before, after), reply, StatusCodes.Status200OK);
    }

    public static async Task<IResult> Reply(HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options, UserMessagesLinks links, string id)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id);
        if (post is not { } p)
        {
            return refusal!;
        }

        var (form, userId, threadId) = p;

        var content = form["Content"].ToString();
        var result = await messages.ReplyAsync(userId, threadId, content, http.RequestAborted);
        switch (result.Status)
        {
            case MessagingStatus.NotFound:
                return PageResult.NotFound();
            case MessagingStatus.Invalid:
                var reply = new ReplyForm { ThreadId = threadId, Content = content, MaxContentLength = options.Value.MaxContentLength };
                foreach (var error in result.Errors)
                {
                    reply.Errors.Add("Content", error.Description);
                }

                return await RenderAsync(http, messages, userId, threadId, PageRequest.Newest, reply, StatusCodes.Status400BadRequest);
            default:
                return Results.Redirect(links.Thread(http, threadId) + "#message-" + result.Value!.MessageId);
        }
    }

    public static async Task<IResult> Delete(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id);
        if (post is not { } p)
        {
            return refusal!;
        }

        var (form, userId, threadId) = p;

        var result = await messages.DeleteThreadAsync(userId, threadId, http.RequestAborted);
        return result.Succeeded
            ? Results.Redirect(PageRequests.LocalOr(form["returnUrl"], links.Inbox(http)))
            : PageResult.NotFound();
    }

    public static async Task<IResult> Restore(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id);
        if (post is not { } p)
        {
            return refusal!;
        }

        var (form, userId, threadId) = p;

        var result = await messages.RestoreThreadAsync(userId, threadId, http.RequestAborted);
        return result.Succeeded
            ? Results.Redirect(PageRequests.LocalOr(form["returnUrl"], links.Thread(http, threadId)))
            : PageResult.NotFound();
    }

    private static async Task<IResult> RenderAsync(
        HttpContext http, IUserMessagesService messages, string userId, long threadId, PageRequest pageRequest, ReplyForm reply, int statusCode)
    {
        var result = await messages.GetThreadAsync(userId, threadId, pageRequest, http.RequestAborted);
        if (result.Status == MessagingStatus.NotFound)
        {
            return PageResult.NotFound();
        }

        if (!result.Succeeded)
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", result.Errors[0].Description);
        }

        var page = result.Value!;
        if (page.IsUnread)
        {
            await messages.MarkReadAsync(userId, threadId, http.RequestAborted);
        }

        return new PageResult(ViewPaths.Thread, new ThreadViewModel(page, userId, reply), statusCode);
    }
}
