using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.ViewModels;

namespace UserMessages.Endpoints;

/// <summary>GET of the Inbox, Sent and Trash pages.</summary>
internal static class FolderPages
{
    public static Task<IResult> Inbox(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Inbox, ViewPaths.Inbox, before, after);

    public static Task<IResult> Sent(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Sent, ViewPaths.Sent, before, after);

    public static Task<IResult> Trash(HttpContext http, IUserMessagesService messages, [FromQuery] string? before, [FromQuery] string? after)
        => ShowAsync(http, messages, MailboxFolder.Trash, ViewPaths.Trash, before, after);

    private static async Task<IResult> ShowAsync(HttpContext http, IUserMessagesService messages, MailboxFolder folder, string view, string? before, string? after)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        var result = await messages.GetFolderAsync(userId, folder, new PageRequest(before, after), http.RequestAborted);
        if (!result.Succeeded)
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", result.Errors[0].Description);
        }

        return new PageResult(view, new FolderViewModel(result.Value!));
    }
}
