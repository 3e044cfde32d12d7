using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Web.Pages;

/// <summary>A thread page, its reply and add-people forms, and its buttons (delete, restore, archive, unread, leave).</summary>
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

        var (current, keep) = await http.RequestServices.GetRequiredService<KeptPages>().FindAsync(http, userId);
        if (current is not null)
        {
            return current;
        }

        var reply = new ReplyForm { ThreadId = threadId, MaxContentLength = options.Value.MaxContentLength };
        return await RenderAsync(http, messages, userId, threadId, new PageRequest(before, after), reply, StatusCodes.Status200OK, keep: keep);
    }

    public static async Task<IResult> Reply(HttpContext http, IUserMessagesService messages, IOptions<UserMessagesOptions> options, UserMessagesLinks links, string id)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id, withFiles: true);
        if (post is not { } p)
        {
            return refusal!;
        }

        var (form, userId, threadId) = p;

        var content = form["Content"].ToString();
        var reply = new ReplyForm { ThreadId = threadId, Content = content, MaxContentLength = options.Value.MaxContentLength };
        var (files, fileErrors) = await FormAttachments.ReadAsync(http, form, messages, userId);
        foreach (var file in files)
        {
            reply.Attachments.Add(file);
        }

        if (form.ContainsKey("Preview") || fileErrors.Count > 0)
        {
            // The Preview button, or a file refused: the page comes back with the reply as it will be shown and the files kept, nothing sent.
            reply.PreviewHtml = fileErrors.Count == 0 ? MessageMarkdown.Preview(content, options.Value.Formatting) : null;
            foreach (var error in fileErrors)
            {
                reply.Errors.Add("Files", error.Description);
            }

            var status = fileErrors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            return await RenderAsync(http, messages, userId, threadId, PageRequest.Newest, reply, status);
        }

        var result = await messages.ReplyAsync(userId, threadId, content, [.. files.Select(f => f.Id)], http.RequestAborted);
        if (result.Succeeded)
        {
            return Results.Redirect(links.Thread(http, threadId) + (result.Value!.IsHeld ? "#um-awaiting-review" : "#message-" + result.Value.MessageId));
        }

        if (result.Status == MessagingStatus.NotFound)
        {
            return PageResult.NotFound();
        }

        // Refused (bad input, blocked, or too many messages lately): the page comes back with the text and the files kept.
        foreach (var error in result.Errors)
        {
            reply.Errors.Add(error.Field == "Files" ? "Files" : "Content", error.Description);
        }

        return await RenderAsync(http, messages, userId, threadId, PageRequest.Newest, reply, PageResult.StatusFor(result), result.RetryAfter);
    }

    public static async Task<IResult> AddPeople(
        HttpContext http, IUserMessagesService messages, IUserDirectory directory, UserMessagesErrorDescriber describer, IOptions<UserMessagesOptions> options, UserMessagesLinks links, string id)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id);
        if (post is not { } p)
        {
            return refusal!;
        }

        var to = p.Form["To"].ToString();
        var resolved = await RecipientNames.ResolveAsync(to, p.Form["ToId"].OfType<string>().ToList(), directory, describer, options.Value.MaxRecipients, http.RequestAborted);
        var errors = resolved.Errors.ToList();
        if (errors.Count == 0)
        {
            var result = await messages.AddParticipantsAsync(p.UserId, p.ThreadId, resolved.UserIds, http.RequestAborted);
            if (result.Status == MessagingStatus.NotFound)
            {
                return PageResult.NotFound();
            }

            if (result.Succeeded)
            {
                return Results.Redirect(links.Thread(http, p.ThreadId));
            }

            errors.AddRange(resolved.NameRefusals(result.Errors, describer));
        }

        var reply = new ReplyForm { ThreadId = p.ThreadId, MaxContentLength = options.Value.MaxContentLength, AddPeople = to };
        foreach (var person in resolved.Chosen)
        {
            reply.ChosenToAdd.Add(person);
        }

        foreach (var error in errors)
        {
            reply.Errors.Add("To", error.Description);
        }

        return await RenderAsync(http, messages, p.UserId, p.ThreadId, PageRequest.Newest, reply, StatusCodes.Status400BadRequest);
    }

    public static Task<IResult> Delete(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, messages.DeleteThreadAsync, (_, _) => links.Inbox(http));

    public static Task<IResult> Restore(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, messages.RestoreThreadAsync, (_, threadId) => links.Thread(http, threadId));

    public static Task<IResult> Archive(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, messages.ArchiveThreadAsync, (_, _) => links.Inbox(http));

    public static Task<IResult> MarkUnread(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, messages.MarkUnreadAsync, (_, _) => links.Inbox(http));

    public static Task<IResult> Mute(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, (user, thread, ct) => messages.ApplyToThreadsAsync(user, ThreadAction.Mute, [thread], ct), (_, thread) => links.Thread(http, thread));

    public static Task<IResult> Unmute(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, (user, thread, ct) => messages.ApplyToThreadsAsync(user, ThreadAction.Unmute, [thread], ct), (_, thread) => links.Thread(http, thread));

    public static Task<IResult> Leave(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
        => ChangeStateAsync(http, id, messages.LeaveThreadAsync, (_, _) => links.Inbox(http));

    /// <summary>The answer to a message request (field <c>answer</c>: Accept, Decline or DeclineAndBlock): accepted, the thread; declined, the Requests folder.</summary>
    public static async Task<IResult> Answer(HttpContext http, IUserMessagesService messages, UserMessagesLinks links, string id)
    {
        var (post, refusal) = await ThreadPost.ReadAsync(http, id);
        if (post is not { } p)
        {
            return refusal!;
        }

        ThreadAction? answer = p.Form["answer"].ToString() switch
        {
            nameof(ThreadAction.Accept) => ThreadAction.Accept,
            nameof(ThreadAction.Decline) => ThreadAction.Decline,
            nameof(ThreadAction.DeclineAndBlock) => ThreadAction.DeclineAndBlock,
            _ => null,
        };
        if (answer is not { } action)
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", "Answer with Accept, Decline or DeclineAndBlock.");
        }

        var result = await messages.ApplyToThreadsAsync(p.UserId, action, [p.ThreadId], http.RequestAborted);
        return !result.Succeeded ? PageResult.NotFound()
            : action == ThreadAction.Accept ? Results.Redirect(links.Thread(http, p.ThreadId))
            : Results.Redirect(links.Folder(http, MailboxFolder.Requests));
    }

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
        HttpContext http, IUserMessagesService messages, string userId, long threadId, PageRequest pageRequest, ReplyForm reply, int statusCode, TimeSpan? retryAfter = null, KeepRequest? keep = null)
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
            await messages.MarkSeenAsync(userId, threadId, http.RequestAborted);
        }
        else if (page.UnreadCount is { } unread)
        {
            // Read with the page; marking the thread seen would change it, so the badge reads it again then.
            KnownUnreadCount.Remember(http, userId, unread);
        }

        if (page.RequestCount is { } requests)
        {
            FolderNavCounts.Remember(http, userId, requests);
        }

        // A page that marked the thread seen moved its own version; its Edit buttons go when their window ends.
        var editsEnd = page.Messages.Where(m => m.EditableUntil is not null).Min(m => m.EditableUntil);
        return new PageResult(ViewPaths.Thread, new ThreadViewModel(page, userId, reply), statusCode)
        {
            RetryAfter = retryAfter,
            Keep = page.IsUnread ? null : keep?.NoLaterThan(editsEnd is { } end ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : null),
        };
    }
}
