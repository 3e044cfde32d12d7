using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserMessages.Domain;

namespace UserMessages.Web;

/// <summary>
/// URLs of the messaging pages, generated from endpoint names so they follow the prefix given to
/// <c>MapUserMessages</c>. Inside the messaging pages the links stay under the page's own prefix;
/// elsewhere (the host's layout) they use the first prefix mapped.
/// </summary>
public sealed class UserMessagesLinks
{
    private readonly LinkGenerator links;
    private readonly UserMessagesMounts mounts;

    internal UserMessagesLinks(LinkGenerator links, UserMessagesMounts mounts)
    {
        this.links = links;
        this.mounts = mounts;
    }

    /// <summary>The inbox.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The path.</returns>
    public string Inbox(HttpContext http) => Folder(http, MailboxFolder.Inbox);

    /// <summary>A folder page; with a cursor, the page older (<paramref name="before"/>) or newer (<paramref name="after"/>) than it.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="before">Show threads older than this cursor.</param>
    /// <param name="after">Show threads newer than this cursor.</param>
    /// <returns>The path.</returns>
    public string Folder(HttpContext http, MailboxFolder folder, string? before = null, string? after = null)
    {
        var page = folder switch
        {
            MailboxFolder.Inbox => PageNames.Inbox,
            MailboxFolder.Sent => PageNames.Sent,
            MailboxFolder.Trash => PageNames.Trash,
            _ => throw new ArgumentOutOfRangeException(nameof(folder)),
        };
        return Path(http, page, new RouteValueDictionary { ["before"] = before, ["after"] = after });
    }

    /// <summary>The compose form, optionally addressed to one user.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="userId">The id of the user to pre-fill as recipient.</param>
    /// <returns>The path.</returns>
    public string Create(HttpContext http, string? userId = null)
        => userId is null
            ? Path(http, PageNames.Create, null)
            : Path(http, PageNames.CreateTo, new RouteValueDictionary { ["userId"] = userId });

    /// <summary>A thread's page (the original's <c>get_absolute_url</c>); replies are posted to it too.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="before">Show messages older than this cursor.</param>
    /// <param name="after">Show messages newer than this cursor.</param>
    /// <returns>The path.</returns>
    public string Thread(HttpContext http, long threadId, string? before = null, string? after = null)
        => Path(http, PageNames.Thread, new RouteValueDictionary { ["id"] = threadId, ["before"] = before, ["after"] = after });

    /// <summary>
    /// A thread's page outside any request (an e-mail, a background job): the path under the first
    /// prefix mapped, without the app's path base; prefix it with the site's address.
    /// </summary>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string ThreadPath(long threadId)
    {
        var mount = mounts.Default ?? throw new InvalidOperationException("The messaging pages are not mapped: call app.MapUserMessages(\"/messages\").");
        return links.GetPathByName(mount.NameOf(PageNames.Thread), new RouteValueDictionary { ["id"] = threadId })
            ?? throw new InvalidOperationException($"No route for the messaging thread page under '{mount.Prefix}'.");
    }

    /// <summary>Where a thread's delete form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Delete(HttpContext http, long threadId)
        => Path(http, PageNames.Delete, new RouteValueDictionary { ["id"] = threadId });

    /// <summary>Where a thread's restore form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Restore(HttpContext http, long threadId)
        => Path(http, PageNames.Restore, new RouteValueDictionary { ["id"] = threadId });

    private string Path(HttpContext http, string page, RouteValueDictionary? values)
    {
        ArgumentNullException.ThrowIfNull(http);
        var mount = http.GetEndpoint()?.Metadata.GetMetadata<UserMessagesMount>()
            ?? mounts.Default
            ?? throw new InvalidOperationException("The messaging pages are not mapped: call app.MapUserMessages(\"/messages\").");
        return links.GetPathByName(http, mount.NameOf(page), values)
            ?? throw new InvalidOperationException($"No route for the messaging page '{page}' under '{mount.Prefix}'.");
    }
}
