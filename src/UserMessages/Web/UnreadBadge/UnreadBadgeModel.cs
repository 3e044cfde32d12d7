using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.ViewComponents;

/// <summary>What the unread badge shows, for the view component and the Razor component alike: null for anonymous visitors, or when the messaging tables cannot be read.</summary>
internal static class UnreadBadgeModel
{
    /// <summary>The badge's view, the same in every kind of host (a host overrides it at this path).</summary>
    public const string ViewPath = "/Areas/UserMessages/Views/Shared/Components/UnreadBadge/Default.cshtml";

    public static async Task<UnreadBadgeViewModel?> ReadAsync(
        HttpContext http, IUserMessagesService messages, IUserDirectory directory, UserMessagesLinks links, UnreadBadgeViewModel shape)
    {
        if (http.User.Identity?.IsAuthenticated != true || directory.GetUserId(http.User) is not { } userId)
        {
            return null;
        }

        int count;
        try
        {
            count = KnownUnreadCount.For(http, userId) ?? await messages.CountUnreadAsync(userId, http.RequestAborted);
        }
        catch (Exception exception) when (MissingTables.IsDatabaseError(exception))
        {
            var services = http.RequestServices;
            await services.GetRequiredService<UnreadBadgeWarning>().ReportAsync(exception, services.GetRequiredService<UserMessagesDb>().Context);
            return null;
        }

        return shape with { Count = count, InboxUrl = links.Inbox(http) };
    }
}
