using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Web;

/// <summary>The counts the folder navigation shows (the signed-in user's pending message requests), read at most once a request.</summary>
/// <param name="messages">The messaging service.</param>
/// <param name="directory">The user directory.</param>
/// <param name="options">The messaging options.</param>
public sealed class FolderNavCounts(IUserMessagesService messages, IUserDirectory directory, IOptions<UserMessagesOptions> options)
{
    /// <summary>Whether the navigation offers a Requests folder (message requests are on).</summary>
    public bool ShowsRequests => options.Value.MessageRequests;

    /// <summary>The signed-in user's pending message requests; 0 for an anonymous visitor or with requests off.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>The count.</returns>
    public async Task<int> RequestsAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!ShowsRequests || directory.GetUserId(http.User) is not { } userId)
        {
            return 0;
        }

        if (KnownUnreadCount.RequestsFor(http, userId) is { } known)
        {
            return known;
        }

        var count = await messages.CountRequestsAsync(userId, http.RequestAborted);
        KnownUnreadCount.RememberRequests(http, userId, count);
        return count;
    }
}
