using Microsoft.AspNetCore.Http;

namespace UserMessages.Endpoints;

/// <summary>A checked POST to a thread route: a valid form, a signed-in user and a well-formed thread id.</summary>
internal readonly record struct ThreadPost(IFormCollection Form, string UserId, long ThreadId)
{
    public static async Task<(ThreadPost? Post, IResult? Refusal)> ReadAsync(HttpContext http, string id)
    {
        var (form, refusal) = await FormPost.ReadAsync(http);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if (PageRequests.CurrentUserId(http) is not { } userId)
        {
            return (null, Results.Challenge());
        }

        if (!PageRequests.TryParseThreadId(id, out var threadId))
        {
            return (null, PageRequests.MalformedId());
        }

        return (new ThreadPost(form!, userId, threadId), null);
    }
}
