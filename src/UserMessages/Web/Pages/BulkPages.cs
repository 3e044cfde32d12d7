using System.Globalization;
using Microsoft.AspNetCore.Http;
using UserMessages.Services;
using UserMessages.Web;

namespace UserMessages.Web.Pages;

/// <summary>The folder pages' bulk form: one action on every selected thread, all or nothing.</summary>
internal static class BulkPages
{
    public static async Task<IResult> Apply(HttpContext http, IUserMessagesService messages, UserMessagesLinks links)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http);
        if (post is not { } signedIn)
        {
            return refusal!;
        }

        var (form, userId) = signedIn;

        var ids = new List<long>();
        foreach (var value in form["ids"])
        {
            if (!PageRequests.TryParseThreadId(value, out var id))
            {
                return PageRequests.MalformedId();
            }

            ids.Add(id);
        }

        if (!Enum.TryParse<ThreadAction>(form["action"], ignoreCase: true, out var action) || !Enum.IsDefined(action)
            || int.TryParse(form["action"], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return PageResult.Problem(StatusCodes.Status400BadRequest, "Bad request", "Choose what to do with the selected conversations.");
        }

        var result = await messages.ApplyToThreadsAsync(userId, action, ids, http.RequestAborted);
        return result.Status switch
        {
            MessagingStatus.Succeeded => Results.Redirect(PageRequests.LocalOr(form["returnUrl"], links.Inbox(http))),
            MessagingStatus.NotFound => PageResult.NotFound(),
            _ => PageResult.Problem(StatusCodes.Status400BadRequest, "Nothing selected", result.Errors[0].Description),
        };
    }
}
