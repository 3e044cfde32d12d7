using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserMessages.Web;
using UserMessages.Web.Pages;
using UserMessages.Web.Routing;

namespace UserMessages.Web.Api;

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
        api.MapGet("/folders/{folder}", ApiReads.Folder).WithName(mount.NameOf("Api.Folder")).Refuses(Invalid, NotFound);
        api.MapGet("/search", ApiReads.Search).WithName(mount.NameOf("Api.Search")).Refuses(Invalid, TooMany);
        api.MapGet("/recipients", RecipientSuggestions.Suggest).WithName(mount.NameOf("Api.Recipients")).Refuses(Invalid, TooMany);
        api.MapGet("/threads/{id}", ApiReads.Thread).WithName(mount.NameOf(ThreadName)).Refuses(Invalid, NotFound);

        api.MapPost("/threads", ApiWrites.StartThread).WithName(mount.NameOf("Api.StartThread"))
            .ReadsJson<NewThreadBody>().Refuses(Invalid, Forbidden, TooLarge, NotJson, TooMany);
        api.MapPost("/threads/bulk", ApiWrites.Bulk).WithName(mount.NameOf("Api.Bulk"))
            .ReadsJson<BulkBody>().Refuses(Invalid, NotFound, TooLarge, NotJson);
        api.MapPost("/threads/{id}/messages", ApiWrites.Reply).WithName(mount.NameOf("Api.Reply"))
            .ReadsJson<ReplyBody>().Refuses(Invalid, Forbidden, NotFound, TooLarge, NotJson, TooMany);
        api.MapPost("/threads/{id}/messages/{messageId}/report", ApiWrites.Report).WithName(mount.NameOf("Api.Report"))
            .ReadsJson<ReportBody>().Refuses(Invalid, NotFound, Conflict, TooLarge, NotJson, TooMany);
        api.MapPost("/attachments", ApiAttachments.Upload).WithName(mount.NameOf("Api.Upload")).ReadsFiles().Refuses(Invalid, TooLarge, NotJson);
        api.MapPut("/threads/{id}/messages/{messageId}", ApiMessageChanges.Edit).WithName(mount.NameOf("Api.EditMessage"))
            .ReadsJson<ReplyBody>().Refuses(Invalid, Forbidden, NotFound, TooLarge, NotJson);
        api.MapDelete("/threads/{id}/messages/{messageId}", ApiMessageChanges.Delete).WithName(mount.NameOf("Api.DeleteMessage")).Refuses(Invalid, Forbidden, NotFound);
        api.MapGet("/threads/{id}/messages/{messageId}/versions", ApiMessageChanges.Versions).WithName(mount.NameOf("Api.MessageVersions")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/participants", ApiWrites.AddParticipants).WithName(mount.NameOf("Api.AddParticipants"))
            .ReadsJson<ParticipantsBody>().Refuses(Invalid, NotFound, TooLarge, NotJson);
        api.MapPost("/threads/{id}/delete", ApiWrites.Delete).WithName(mount.NameOf("Api.Delete")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/restore", ApiWrites.Restore).WithName(mount.NameOf("Api.Restore")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/archive", ApiWrites.Archive).WithName(mount.NameOf("Api.Archive")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/read", ApiWrites.MarkRead).WithName(mount.NameOf("Api.MarkRead")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/unread", ApiWrites.MarkUnread).WithName(mount.NameOf("Api.MarkUnread")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/mute", ApiWrites.Mute).WithName(mount.NameOf("Api.Mute")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/unmute", ApiWrites.Unmute).WithName(mount.NameOf("Api.Unmute")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/leave", ApiWrites.Leave).WithName(mount.NameOf("Api.Leave")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/accept", ApiWrites.Accept).WithName(mount.NameOf("Api.Accept")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/decline", ApiWrites.Decline).WithName(mount.NameOf("Api.Decline")).Refuses(Invalid, NotFound);
        api.MapPost("/threads/{id}/decline-and-block", ApiWrites.DeclineAndBlock).WithName(mount.NameOf("Api.DeclineAndBlock")).Refuses(Invalid, NotFound);

        api.ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private const int Invalid = StatusCodes.Status400BadRequest;
    private const int Forbidden = StatusCodes.Status403Forbidden;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;
    private const int TooLarge = StatusCodes.Status413PayloadTooLarge;
    private const int NotJson = StatusCodes.Status415UnsupportedMediaType;
    private const int TooMany = StatusCodes.Status429TooManyRequests;

    /// <summary>
    /// Describes the error answers an operation can give, each <c>application/problem+json</c>: 400 as a
    /// validation problem (its <c>errors</c> are empty for a malformed id, cursor or body), the others as plain problems.
    /// </summary>
    private static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            endpoint = status == Invalid ? endpoint.ProducesValidationProblem() : endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
