using Microsoft.AspNetCore.Http;

namespace UserMessages.Web;

/// <summary>
/// An unread count the current request has already read, for the unread badge: a folder page reads
/// it with its threads (one statement), so the badge in the host's layout needs none. It lives in
/// the request's items, only for the signed-in user it was read for; the folder pages are GET
/// requests that write nothing after their read, so it is never older than the page it is shown on.
/// </summary>
internal static class KnownUnreadCount
{
    private static readonly object Key = new();

    /// <summary>Remembers <paramref name="count"/> as <paramref name="userId"/>'s unread count for the rest of the request.</summary>
    public static void Remember(HttpContext http, string userId, int count) => http.Items[Key] = new Known(userId, count);

    /// <summary>The count remembered for <paramref name="userId"/> in this request, or null.</summary>
    public static int? For(HttpContext http, string userId)
        => http.Items.TryGetValue(Key, out var value) && value is Known known && known.UserId == userId ? known.Count : null;

    private sealed record Known(string UserId, int Count);
}
