using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UserMessages;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Users;
using UserMessages.Web;
using UserMessages.Web.Pages;
using UserMessages.Web.Routing;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Mounts the messaging pages.</summary>
public static class UserMessagesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the messaging pages under <paramref name="prefix"/> (the inbox at the prefix itself), the JSON API under
    /// <c>api</c> and the live-updates hub at <c>hub</c>, for signed-in users only; nothing outside the prefix.
    /// </summary>
    /// <param name="endpoints">The app's endpoint builder.</param>
    /// <param name="prefix">The route prefix, such as <c>/messages</c>.</param>
    /// <returns>A builder that applies conventions to every messaging endpoint.</returns>
    /// <exception cref="InvalidOperationException">When <c>AddUserMessages()...AddEntityFrameworkStores&lt;T&gt;()</c> was not called, or the prefix is mapped twice.</exception>
    public static IEndpointConventionBuilder MapUserMessages(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix)
        => MapUserMessages(endpoints, prefix, static _ => { });

    /// <summary>
    /// Maps the messaging pages under <paramref name="prefix"/> as the other overload does, with the JSON API
    /// and the live-updates hub only where <paramref name="configure"/> leaves them on.
    /// </summary>
    /// <param name="endpoints">The app's endpoint builder.</param>
    /// <param name="prefix">The route prefix, such as <c>/messages</c>.</param>
    /// <param name="configure">Turns the API (<see cref="UserMessagesEndpointOptions.MapApi"/>) or the hub (<see cref="UserMessagesEndpointOptions.MapLiveUpdates"/>) off.</param>
    /// <returns>A builder that applies conventions to every messaging endpoint.</returns>
    /// <exception cref="InvalidOperationException">When <c>AddUserMessages()...AddEntityFrameworkStores&lt;T&gt;()</c> was not called, or the prefix is mapped twice.</exception>
    public static IEndpointConventionBuilder MapUserMessages(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix, Action<UserMessagesEndpointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(configure);
        EnsureServices(endpoints.ServiceProvider);
        var options = new UserMessagesEndpointOptions();
        configure(options);

        var mount = endpoints.ServiceProvider.GetRequiredService<UserMessagesMounts>().Add(prefix, options.MapLiveUpdates);
        var group = endpoints.MapGroup(prefix);
        group.WithMetadata(mount);
        group.RequireAuthorization();
        HostStaticAssets.AddTo(group, endpoints);
        SecurityHeaders.AddTo(group);
        group.AddEndpointFilter(static async (context, next) =>
        {
            // Private messages must never sit in a shared or browser cache (the same values antiforgery sets, so it need not override them).
            context.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
            context.HttpContext.Response.Headers.Pragma = "no-cache";
            return await next(context);
        });
        DatabaseOutage.AddTo(group);
        MissingTablesCheck.AddTo(group);
        RequestConnection.AddTo(group);

        // The HTML pages are not API operations: an OpenAPI document describes only the JSON API (api/...).
        var pages = group.MapGroup(string.Empty).ExcludeFromDescription().WithMetadata(new SecurityHeaders.PageMarker());
        pages.MapGet("/", FolderPages.Inbox).WithName(mount.NameOf(PageNames.Inbox));
        pages.MapGet("/sent", FolderPages.Sent).WithName(mount.NameOf(PageNames.Sent));
        pages.MapGet("/archive", FolderPages.Archive).WithName(mount.NameOf(PageNames.Archive));
        pages.MapGet("/trash", FolderPages.Trash).WithName(mount.NameOf(PageNames.Trash));
        pages.MapGet("/requests", FolderPages.Requests).WithName(mount.NameOf(PageNames.Requests));
        pages.MapGet("/search", FolderPages.Search).WithName(mount.NameOf(PageNames.Search));
        pages.MapPost("/bulk", BulkPages.Apply).WithName(mount.NameOf(PageNames.Bulk));
        pages.MapGet("/create", ComposePages.Show).WithName(mount.NameOf(PageNames.Create));
        pages.MapGet("/create/{userId}", ComposePages.ShowTo).WithName(mount.NameOf(PageNames.CreateTo));
        pages.MapPost("/create", ComposePages.Send);
        pages.MapGet("/thread/{id}", ThreadPages.Show).WithName(mount.NameOf(PageNames.Thread));
        pages.MapPost("/thread/{id}", ThreadPages.Reply);
        pages.MapPost("/thread/{id}/delete", ThreadPages.Delete).WithName(mount.NameOf(PageNames.Delete));
        pages.MapPost("/thread/{id}/restore", ThreadPages.Restore).WithName(mount.NameOf(PageNames.Restore));
        pages.MapPost("/thread/{id}/archive", ThreadPages.Archive).WithName(mount.NameOf(PageNames.ArchiveThread));
        pages.MapPost("/thread/{id}/unread", ThreadPages.MarkUnread).WithName(mount.NameOf(PageNames.MarkUnread));
        pages.MapPost("/thread/{id}/mute", ThreadPages.Mute).WithName(mount.NameOf(PageNames.Mute));
        pages.MapPost("/thread/{id}/unmute", ThreadPages.Unmute).WithName(mount.NameOf(PageNames.Unmute));
        pages.MapPost("/thread/{id}/leave", ThreadPages.Leave).WithName(mount.NameOf(PageNames.Leave));
        pages.MapPost("/thread/{id}/answer", ThreadPages.Answer).WithName(mount.NameOf(PageNames.Answer));
        pages.MapPost("/thread/{id}/participants", ThreadPages.AddPeople).WithName(mount.NameOf(PageNames.AddPeople));
        pages.MapGet("/thread/{id}/report/{messageId}", ReportPages.Show).WithName(mount.NameOf(PageNames.Report));
        pages.MapPost("/thread/{id}/report/{messageId}", ReportPages.Send);
        pages.MapGet("/attachments/{id}", AttachmentPages.Download).WithName(mount.NameOf(PageNames.Attachment));
        pages.MapGet("/thread/{id}/messages/{messageId}/edit", MessageChangePages.ShowEdit).WithName(mount.NameOf(PageNames.EditMessage));
        pages.MapPost("/thread/{id}/messages/{messageId}/edit", MessageChangePages.Edit);
        pages.MapPost("/thread/{id}/messages/{messageId}/delete", MessageChangePages.Delete).WithName(mount.NameOf(PageNames.DeleteMessage));
        pages.MapGet("/thread/{id}/messages/{messageId}/versions", MessageChangePages.Versions).WithName(mount.NameOf(PageNames.MessageVersions));

        // For moderators only: everyone else gets the 404 of an address that does not exist, before anything is read.
        var moderation = pages.MapGroup("/moderation").AddEndpointFilter(ModerationPages.ModeratorsOnly);
        pages.MapGet("/moderation", ModerationPages.Queue).AddEndpointFilter(ModerationPages.ModeratorsOnly).WithName(mount.NameOf(PageNames.Moderation));
        moderation.MapGet("/reports/{id}", ModerationPages.Report).WithName(mount.NameOf(PageNames.ModerationReport));
        moderation.MapPost("/reports/{id}", ModerationPages.Decide);
        moderation.MapGet("/suspensions", ModerationPages.Suspensions).WithName(mount.NameOf(PageNames.Suspensions));
        moderation.MapPost("/suspensions/lift", ModerationPages.Lift).WithName(mount.NameOf(PageNames.Lift));
        moderation.MapGet("/log", ModerationPages.Log).WithName(mount.NameOf(PageNames.ModerationLog));
        moderation.MapGet("/held", ModerationPages.Held).WithName(mount.NameOf(PageNames.Held));
        moderation.MapPost("/held/{id}", ModerationPages.DecideHeld).WithName(mount.NameOf(PageNames.HeldDecision));
        pages.MapGet("/blocked", BlockPages.Show).WithName(mount.NameOf(PageNames.Blocked));
        pages.MapPost("/blocked", BlockPages.Block);
        pages.MapPost("/blocked/remove", BlockPages.Unblock).WithName(mount.NameOf(PageNames.Unblock));
        pages.MapGet("/settings", SettingsPages.Show).WithName(mount.NameOf(PageNames.Settings));
        pages.MapPost("/settings", SettingsPages.Save);
        pages.MapGet("/recipients", RecipientSuggestions.Suggest).WithName(mount.NameOf(PageNames.Recipients));
        if (options.MapApi)
        {
            UserMessages.Web.Api.MessagesApi.Map(group, mount);
        }

        if (options.MapLiveUpdates)
        {
            UserMessages.Web.Live.LiveEndpoints.MapHub(group, mount);
        }

        return new UserMessagesConventionBuilder(group);
    }

    private static void EnsureServices(IServiceProvider services)
    {
        var checker = services.GetService<IServiceProviderIsService>();
        if (services.GetService<UserMessagesMounts>() is null)
        {
            throw new InvalidOperationException(
                "Unable to find the UserMessages services. Add them with builder.Services.AddUserMessages().AddEntityFrameworkStores<YourDbContext>() before calling app.MapUserMessages(...).");
        }

        if (checker is not null && !checker.IsService(typeof(UserMessagesDb)))
        {
            throw new InvalidOperationException(
                "UserMessages does not know where to store messages. Chain .AddEntityFrameworkStores<YourDbContext>() to builder.Services.AddUserMessages().");
        }

        if (checker is not null && !checker.IsService(typeof(IUserDirectory)))
        {
            throw new InvalidOperationException(
                "UserMessages has no user directory. Use an Identity context with AddEntityFrameworkStores<T>(), or chain .AddIdentityUserDirectory<TUser>() or .AddUserDirectory<T>() to AddUserMessages().");
        }
    }
}
