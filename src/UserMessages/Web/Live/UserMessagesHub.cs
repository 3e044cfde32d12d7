using Microsoft.AspNetCore.SignalR;
using UserMessages.Users;

namespace UserMessages.Web.Live;

/// <summary>
/// The live-updates hub, mapped by <c>MapUserMessages</c> under <c>{prefix}/hub</c> for signed-in
/// users only. Clients only listen: the server pushes <c>messageSent</c> and <c>unreadCount</c>
/// to each user's own group.
/// </summary>
internal sealed class UserMessagesHub(IUserDirectory users) : Hub
{
    /// <summary>The group every connection of one user joins.</summary>
    public static string GroupOf(string userId) => "usermessages:user:" + userId;

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User is { } principal ? users.GetUserId(principal) : null;
        if (string.IsNullOrEmpty(userId))
        {
            // The endpoint requires a signed-in user; a principal without an id gets nothing.
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(userId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
