using Microsoft.AspNetCore.Http;

namespace UserMessages.Web.Pages;

/// <summary>A checked POST to a thread route: a valid form, a signed-in user and a well-formed thread id.</summary>
internal readonly record struct ThreadPost(IFormCollection Form, string UserId, long ThreadId)
{
    public static async Task<(ThreadPost? Post, IResult? Refusal)> ReadAsync(HttpContext http, string id, bool withFiles = false)
    {
        var (post, refusal) = await SignedInForm.ReadAsync(http, withFiles);
        if (post is not { } signedIn)
        {
            return (null, refusal);
        }

        return PageRequests.TryParseThreadId(id, out var threadId)
            ? (new ThreadPost(signedIn.Form, signedIn.UserId, threadId), null)
            : (null, PageRequests.MalformedId());
    }
}
