using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Web.Pages;

/// <summary>GET of the folder pages (Inbox, Requests, Sent, Archive, Trash) and of the search page.</summary>
internal static class FolderPages
{
    public static Task<IResult> Inbox(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Inbox, ViewPaths.Inbox, before, after);

    public static Task<IResult> Sent(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Sent, ViewPaths.Sent, before, after);

    public static Task<IResult> Requests(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Requests, ViewPaths.Requests, before, after);

    public static Task<IResult> Trash(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Trash, ViewPaths.Trash, before, after);

    public static Task<IResult> Archive(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Archive, ViewPaths.Archive, before, after);

    public static async Task<IResult> Search(HttpContext http, IUserMessagesService messages, [FromQuery] string? q, [FromQuery] string? before, [FromQuery] string? after)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            return new PageResult(ViewPaths.Search, new SearchViewModel(string.Empty, null, null));
        }

        var result = await messages.SearchAsync(userId, q, new PageRequest(before, after), http.RequestAborted);
        return result.Succeeded
            ? new PageResult(ViewPaths.Search, new SearchViewModel(q.Trim(), result.Value, null))
            : new PageResult(ViewPaths.Search, new SearchViewModel(q, null, result.Errors[0].Description), PageResult.StatusFor(result)) { RetryAfter = result.RetryAfter };
    }

    private static async Task<IResult> ShowAsync(HttpContext http, IUserMessagesService messages, MailboxFolder folder, string view, string? before, string? after)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        var (current, keep) = await http.RequestServices.GetRequiredService<KeptPages>().FindAsync(http, userId);
        if (current is not null)
        {
            return current;
        }

        var result = await messages.GetFolderAsync(userId, folder, new PageRequest(before, after), http.RequestAborted);
        if (!result.Succeeded)
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", result.Errors[0].Description);
        }

        if (result.Value!.UnreadCount is { } unread)
        {
            KnownUnreadCount.Remember(http, userId, unread);
        }

        if (result.Value.RequestCount is { } requests)
        {
            FolderNavCounts.Remember(http, userId, requests);
        }

        return new PageResult(view, new FolderViewModel(result.Value)) { Keep = keep };
    }
}
