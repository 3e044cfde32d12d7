using Microsoft.AspNetCore.Http;

namespace UserMessages.Web;

/// <summary>
/// An unread count the current request has already read (a folder page reads it with its threads), kept in the
/// request's items for the user it was read for, so the badge in the host's layout reads nothing more.
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
