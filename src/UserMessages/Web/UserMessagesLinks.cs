using System.Globalization;
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
    private static readonly object ThreadPathKey = new();

    private readonly LinkGenerator links;
    private readonly UserMessagesMounts mounts;
    private readonly LinkTemplates paths;

    internal UserMessagesLinks(LinkGenerator links, UserMessagesMounts mounts)
    {
        this.links = links;
        this.mounts = mounts;
        paths = new LinkTemplates(links);
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
            MailboxFolder.Archive => PageNames.Archive,
            MailboxFolder.Trash => PageNames.Trash,
            MailboxFolder.Requests => PageNames.Requests,
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
        => before is null && after is null
            ? ThreadPathBeforeId(http) + threadId.ToString(CultureInfo.InvariantCulture)
            : Path(http, PageNames.Thread, new RouteValueDictionary { ["id"] = threadId, ["before"] = before, ["after"] = after });

    /// <summary>
    /// A thread's page outside any request (an e-mail, a background job): the path under the first
    /// prefix mapped, without the app's path base; prefix it with the site's address. <see langword="null"/>
    /// when the app maps no messaging pages (it uses the service with pages of its own).
    /// </summary>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path, or <see langword="null"/>.</returns>
    public string? ThreadPath(long threadId)
        => mounts.Default is { } mount
            ? links.GetPathByName(mount.NameOf(PageNames.Thread), new RouteValueDictionary { ["id"] = threadId })
            : null;

    /// <summary>Where a thread's delete form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Delete(HttpContext http, long threadId) => ThreadPost(http, PageNames.Delete, threadId);

    /// <summary>Where a thread's restore form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Restore(HttpContext http, long threadId) => ThreadPost(http, PageNames.Restore, threadId);

    /// <summary>Where the answer to a message request (accept, decline, decline and block) posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Answer(HttpContext http, long threadId) => ThreadPost(http, PageNames.Answer, threadId);

    /// <summary>Where a thread's archive form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Archive(HttpContext http, long threadId) => ThreadPost(http, PageNames.ArchiveThread, threadId);

    /// <summary>Where a thread's mark-unread form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string MarkUnread(HttpContext http, long threadId) => ThreadPost(http, PageNames.MarkUnread, threadId);

    /// <summary>Where the Mute button posts (the thread stays, without badge or e-mail).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Mute(HttpContext http, long threadId) => ThreadPost(http, PageNames.Mute, threadId);

    /// <summary>Where the Unmute button posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Unmute(HttpContext http, long threadId) => ThreadPost(http, PageNames.Unmute, threadId);

    /// <summary>Where a thread's leave form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string Leave(HttpContext http, long threadId) => ThreadPost(http, PageNames.Leave, threadId);

    /// <summary>Where a thread's add-people form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <returns>The path.</returns>
    public string AddPeople(HttpContext http, long threadId) => ThreadPost(http, PageNames.AddPeople, threadId);

    /// <summary>Where the folder pages' bulk form posts.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The path.</returns>
    public string Bulk(HttpContext http) => Path(http, PageNames.Bulk, null);

    /// <summary>The search page, with a query and a page cursor when given.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="query">What to search for.</param>
    /// <param name="before">Show results older than this cursor.</param>
    /// <param name="after">Show results newer than this cursor.</param>
    /// <returns>The path.</returns>
    public string Search(HttpContext http, string? query = null, string? before = null, string? after = null)
        => Path(http, PageNames.Search, new RouteValueDictionary { ["q"] = query, ["before"] = before, ["after"] = after });

    /// <summary>The blocked-users page (its block form posts there too).</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The path.</returns>
    public string Blocked(HttpContext http) => Path(http, PageNames.Blocked, null);

    /// <summary>Where the unblock buttons post.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The path.</returns>
    public string Unblock(HttpContext http) => Path(http, PageNames.Unblock, null);

    /// <summary>The messaging settings page (its form posts there too).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="saved">Whether to show the "saved" note.</param>
    /// <returns>The path.</returns>
    public string Settings(HttpContext http, bool saved = false)
        => Path(http, PageNames.Settings, saved ? new RouteValueDictionary { ["saved"] = "true" } : null);

    /// <summary>The recipient type-ahead's JSON endpoint (<c>?q=</c>).</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The path.</returns>
    public string Recipients(HttpContext http) => Path(http, PageNames.Recipients, null);

    /// <summary>The page that reports a message of a thread to the moderators (its form posts there too).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="messageId">The message.</param>
    /// <returns>The path.</returns>
    public string Report(HttpContext http, long threadId, long messageId)
        => Path(http, PageNames.Report, new RouteValueDictionary { ["id"] = threadId, ["messageId"] = messageId });

    /// <summary>An attachment's download (its people only).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="attachmentId">The attachment.</param>
    /// <returns>The path.</returns>
    public string Attachment(HttpContext http, long attachmentId)
        => Path(http, PageNames.Attachment, new RouteValueDictionary { ["id"] = attachmentId });

    /// <summary>The page where a sender edits their own message (its form posts there too).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="messageId">The message.</param>
    /// <returns>The path.</returns>
    public string EditMessage(HttpContext http, long threadId, long messageId)
        => Path(http, PageNames.EditMessage, new RouteValueDictionary { ["id"] = threadId, ["messageId"] = messageId });

    /// <summary>Where a sender's own message is deleted (POST).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="messageId">The message.</param>
    /// <returns>The path.</returns>
    public string DeleteMessage(HttpContext http, long threadId, long messageId)
        => Path(http, PageNames.DeleteMessage, new RouteValueDictionary { ["id"] = threadId, ["messageId"] = messageId });

    /// <summary>The page of a message's earlier versions.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="threadId">The thread.</param>
    /// <param name="messageId">The message.</param>
    /// <returns>The path.</returns>
    public string MessageVersions(HttpContext http, long threadId, long messageId)
        => Path(http, PageNames.MessageVersions, new RouteValueDictionary { ["id"] = threadId, ["messageId"] = messageId });

    /// <summary>The moderation queue: open reports, newest first (moderators only).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="before">Show reports older than this one.</param>
    /// <returns>The path.</returns>
    public string Moderation(HttpContext http, long? before = null)
        => Path(http, PageNames.Moderation, before is null ? null : new RouteValueDictionary { ["before"] = before });

    /// <summary>One report in the moderation queue, with its context and the moderator's actions (its form posts there too).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="reportId">The report.</param>
    /// <returns>The path.</returns>
    public string ModerationReport(HttpContext http, long reportId)
        => Path(http, PageNames.ModerationReport, new RouteValueDictionary { ["id"] = reportId });

    /// <summary>The suspensions in force, the latest first (moderators only).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="skip">Show those after the first <paramref name="skip"/>.</param>
    /// <returns>The path.</returns>
    public string Suspensions(HttpContext http, int? skip = null)
        => Path(http, PageNames.Suspensions, skip is null ? null : new RouteValueDictionary { ["skip"] = skip });

    /// <summary>Where the form that lifts a suspension posts.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The path.</returns>
    public string Lift(HttpContext http) => Path(http, PageNames.Lift, null);

    /// <summary>The moderation log, newest first (moderators only).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="before">Show entries older than this one.</param>
    /// <returns>The path.</returns>
    public string ModerationLog(HttpContext http, long? before = null)
        => Path(http, PageNames.ModerationLog, before is null ? null : new RouteValueDictionary { ["before"] = before });

    /// <summary>The messages held for review, oldest first (moderators only).</summary>
    /// <param name="http">The current request.</param>
    /// <param name="after">Show held messages newer than this one.</param>
    /// <returns>The path.</returns>
    public string Held(HttpContext http, long? after = null)
        => Path(http, PageNames.Held, after is null ? null : new RouteValueDictionary { ["after"] = after });

    /// <summary>Where the form that approves or rejects a held message posts.</summary>
    /// <param name="http">The current request.</param>
    /// <param name="heldId">The held message.</param>
    /// <returns>The path.</returns>
    public string HeldDecision(HttpContext http, long heldId) => Path(http, PageNames.HeldDecision, new RouteValueDictionary { ["id"] = heldId });

    /// <summary>The live-updates SignalR hub (<c>{prefix}/hub</c>) that the package's script connects to.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The path.</returns>
    public string Hub(HttpContext http) => Path(http, PageNames.Hub, null);

    /// <summary>Whether the current pages' <c>MapUserMessages</c> mapped the live-updates hub (see <see cref="UserMessagesEndpointOptions.MapLiveUpdates"/>).</summary>
    /// <param name="http">The current request.</param>
    /// <returns>True when the pages can connect to <see cref="Hub"/>.</returns>
    public bool HasLiveUpdates(HttpContext http) => MountOf(http).HasLiveUpdates;

    private string ThreadPost(HttpContext http, string page, long threadId)
        => Path(http, page, new RouteValueDictionary { ["id"] = threadId });

    /// <summary>
    /// A thread page's path up to its id (the route ends with <c>{id}</c>), generated once per request
    /// and prefix: a folder page links every thread on it, and the link generator took 2% of its CPU.
    /// </summary>
    private string ThreadPathBeforeId(HttpContext http)
    {
        var mount = MountOf(http);
        if (http.Items.TryGetValue(ThreadPathKey, out var cached) && cached is (UserMessagesMount cachedMount, string cachedPath) && cachedMount == mount)
        {
            return cachedPath;
        }

        var path = Path(http, mount, PageNames.Thread, new RouteValueDictionary { ["id"] = 0L });
        var beforeId = path[..path.LastIndexOf('/')] + "/";
        http.Items[ThreadPathKey] = (mount, beforeId);
        return beforeId;
    }

    private string Path(HttpContext http, string page, RouteValueDictionary? values) => Path(http, MountOf(http), page, values);

    private string Path(HttpContext http, UserMessagesMount mount, string page, RouteValueDictionary? values)
        => paths.Find(http, mount, page, values)
            ?? links.GetPathByName(http, mount.NameOf(page), values)
            ?? throw new InvalidOperationException($"No route for the messaging page '{page}' under '{mount.Prefix}'.");

    private UserMessagesMount MountOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetEndpoint()?.Metadata.GetMetadata<UserMessagesMount>()
            ?? mounts.Default
            ?? throw new InvalidOperationException("The messaging pages are not mapped: call app.MapUserMessages(\"/messages\").");
    }
}
