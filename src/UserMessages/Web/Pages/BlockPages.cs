using Microsoft.AspNetCore.Http;
using UserMessages.Blocking;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.Web.Pages;

/// <summary>The blocked-users page: list, block (by name, or by id from a thread page), unblock.</summary>
internal static class BlockPages
{
    public static async Task<IResult> Show(HttpContext http, IUserBlockList blocks)
    {
        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return Results.Challenge();
        }

        return await RenderAsync(http, blocks, userId, string.Empty, new FormErrors(), StatusCodes.Status200OK);
    }

    public static async Task<IResult> Block(HttpContext http, IUserBlockList blocks, IUserDirectory directory, UserMessagesErrorDescriber describer, UserMessagesLinks links)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, userId) = signedIn;

        var name = form["Name"].ToString().Trim();
        var blockedId = form["UserId"].ToString();
        var errors = new FormErrors();
        if (blockedId.Length == 0)
        {
            var found = name.Length == 0 ? null : (await directory.FindByNamesAsync([name], http.RequestAborted)).GetValueOrDefault(name);
            blockedId = found?.Id ?? string.Empty;
        }

        var result = blockedId.Length == 0
            ? MessagingResult.Invalid([describer.UserNotFound(name)])
            : await blocks.BlockAsync(userId, blockedId, http.RequestAborted);
        if (result.Succeeded)
        {
            return Results.Redirect(PageRequests.LocalOr(form["returnUrl"], links.Blocked(http)));
        }

        foreach (var error in result.Errors)
        {
            errors.Add("Name", error.Code == nameof(UserMessagesErrorDescriber.UserNotFound) ? describer.UserNotFound(name).Description : error.Description);
        }

        return await RenderAsync(http, blocks, userId, name, errors, StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> Unblock(HttpContext http, IUserBlockList blocks, UserMessagesLinks links)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, userId) = signedIn;

        await blocks.UnblockAsync(userId, form["UserId"].ToString(), http.RequestAborted);
        return Results.Redirect(links.Blocked(http));
    }

    private static async Task<IResult> RenderAsync(HttpContext http, IUserBlockList blocks, string userId, string name, FormErrors errors, int statusCode)
    {
        var blocked = await blocks.GetBlockedUsersAsync(userId, http.RequestAborted);
        return new PageResult(ViewPaths.Blocked, new BlockedUsersViewModel(blocked, name, errors), statusCode);
    }
}
