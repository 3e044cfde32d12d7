using Microsoft.AspNetCore.Mvc;
using UserMessages.Services;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.ViewComponents;

/// <summary>
/// The unread-thread badge for the host's layout (the original's <c>unread_thread_count</c>
/// filter): <c>&lt;vc:user-messages-unread-badge /&gt;</c> with <c>@addTagHelper *, UserMessages</c>,
/// or <c>@await Component.InvokeAsync("UserMessagesUnreadBadge")</c>. Renders nothing for anonymous visitors.
/// Its view is <c>/Areas/UserMessages/Views/Shared/Components/UnreadBadge/Default.cshtml</c>.
/// </summary>
[ViewComponent(Name = "UserMessagesUnreadBadge")]
public sealed class UserMessagesUnreadBadgeViewComponent : ViewComponent
{
    private const string ViewPath = "/Areas/UserMessages/Views/Shared/Components/UnreadBadge/Default.cshtml";

    private readonly IUserMessagesService messages;
    private readonly IUserDirectory directory;
    private readonly UserMessagesLinks links;

    /// <summary>Creates the component.</summary>
    /// <param name="messages">Counts unread threads.</param>
    /// <param name="directory">Tells who is signed in.</param>
    /// <param name="links">Makes the inbox link.</param>
    public UserMessagesUnreadBadgeViewComponent(IUserMessagesService messages, IUserDirectory directory, UserMessagesLinks links)
    {
        this.messages = messages;
        this.directory = directory;
        this.links = links;
    }

    /// <summary>
    /// Counts the signed-in user's unread threads (one SQL statement; none on the package's folder
    /// pages, which read the count with the page) and renders the badge.
    /// </summary>
    /// <returns>The badge, or nothing.</returns>
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity?.IsAuthenticated != true || directory.GetUserId(UserClaimsPrincipal) is not { } userId)
        {
            return Content(string.Empty);
        }

        var count = KnownUnreadCount.For(HttpContext, userId) ?? await messages.CountUnreadAsync(userId, HttpContext.RequestAborted);
        return View(ViewPath, new UnreadBadgeViewModel(count, links.Inbox(HttpContext)));
    }
}
