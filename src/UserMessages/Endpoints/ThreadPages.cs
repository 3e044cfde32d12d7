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

    public static Task<IResult> Delete(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, messages.DeleteThreadAsync, (_, _) => links.Inbox(http));

    public static Task<IResult> Restore(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, messages.RestoreThreadAsync, (_, threadId) => links.Thread(http, threadId));

    /// <summary>A state-changing button of a thread: apply it, then go back to a local <c>returnUrl</c> or the default page.</summary>
    private static async Task<IResult> ChangeStateAsync(
        HttpContext http,
        string id,
        Func<string, long, CancellationToken, Task<MessagingResult>> change,
        Func<string, long, string> defaultReturnUrl)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id);
        if (post is not { } p)
        {
            return refusal!;
        }

        var result = await change(p.UserId, p.ThreadId, http.RequestAborted);
        return result.Succeeded
            ? Results.Redirect(PageRequests.LocalOr(p.Form["returnUrl"], defaultReturnUrl(p.UserId, p.ThreadId)))
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
