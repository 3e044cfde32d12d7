using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserMessages.Endpoints;
using UserMessages.Web;

namespace UserMessages.Api;

/// <summary>
/// The JSON API under <c>{prefix}/api</c>, mapped by <c>MapUserMessages</c> into its route group so
/// it shares the pages' authorization, no-store caching and host conventions.
/// </summary>
internal static class MessagesApi
{
    public const string ThreadName = "Api.Thread";

    public static void Map(RouteGroupBuilder group, UserMessagesMount mount)
    {
        var api = group.MapGroup("/api").WithTags("UserMessages");

        api.MapGet("/antiforgery", ApiReads.Antiforgery).WithName(mount.NameOf("Api.Antiforgery"));
        api.MapGet("/unread-count", ApiReads.UnreadCount).WithName(mount.NameOf("Api.UnreadCount"));
        api.MapGet("/folders/{folder}", ApiReads.Folder).WithName(mount.NameOf("Api.Folder"));
        api.MapGet("/search", ApiReads.Search).WithName(mount.NameOf("Api.Search"));
        api.MapGet("/recipients", RecipientSuggestions.Suggest).WithName(mount.NameOf("Api.Recipients"));
        api.MapGet("/threads/{id}", ApiReads.Thread).WithName(mount.NameOf(ThreadName));

        api.MapPost("/threads", ApiWrites.StartThread).WithName(mount.NameOf("Api.StartThread"));
        api.MapPost("/threads/bulk", ApiWrites.Bulk).WithName(mount.NameOf("Api.Bulk"));
        api.MapPost("/threads/{id}/messages", ApiWrites.Reply).WithName(mount.NameOf("Api.Reply"));
        api.MapPost("/threads/{id}/participants", ApiWrites.AddParticipants).WithName(mount.NameOf("Api.AddParticipants"));
        api.MapPost("/threads/{id}/delete", ApiWrites.Delete).WithName(mount.NameOf("Api.Delete"));
        api.MapPost("/threads/{id}/restore", ApiWrites.Restore).WithName(mount.NameOf("Api.Restore"));
        api.MapPost("/threads/{id}/archive", ApiWrites.Archive).WithName(mount.NameOf("Api.Archive"));
        api.MapPost("/threads/{id}/read", ApiWrites.MarkRead).WithName(mount.NameOf("Api.MarkRead"));
        api.MapPost("/threads/{id}/unread", ApiWrites.MarkUnread).WithName(mount.NameOf("Api.MarkUnread"));
        api.MapPost("/threads/{id}/leave", ApiWrites.Leave).WithName(mount.NameOf("Api.Leave"));

        api.ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
