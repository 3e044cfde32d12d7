using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Users;
using UserMessages.ViewModels;
using UserMessages.Web;

namespace UserMessages.ViewComponents;

/// <summary>
/// The unread-thread badge for the host's layout: <c>&lt;vc:user-messages-unread-badge /&gt;</c> with
/// <c>@addTagHelper *, UserMessages</c>. Renders nothing for anonymous visitors, or when the messaging tables cannot be read.
/// </summary>
[ViewComponent(Name = "UserMessagesUnreadBadge")]
public sealed class UserMessagesUnreadBadgeViewComponent : ViewComponent
{
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

    /// <summary>Counts the signed-in user's unread threads and renders the badge: the package's link, or the count alone.</summary>
    /// <param name="countOnly">Render only the count, to put inside a link of your own.</param>
    /// <param name="linkClass">CSS classes for the link instead of the package's look (e.g. <c>nav-link</c>).</param>
    /// <param name="countClass">CSS classes for the count instead of the package's red pill (e.g. <c>badge rounded-pill text-bg-danger</c>).</param>
    /// <param name="label">The link's text instead of the translated "Messages".</param>
    /// <returns>The badge, or nothing.</returns>
    public async Task<IViewComponentResult> InvokeAsync(bool countOnly = false, string? linkClass = null, string? countClass = null, string? label = null)
    {
        var shape = new UnreadBadgeViewModel(0, string.Empty) { CountOnly = countOnly, LinkClass = linkClass, CountClass = countClass, Label = label };
        return await UnreadBadgeModel.ReadAsync(HttpContext, messages, directory, links, shape) is { } model ? View(UnreadBadgeModel.ViewPath, model) : Content(string.Empty);
    }
}
