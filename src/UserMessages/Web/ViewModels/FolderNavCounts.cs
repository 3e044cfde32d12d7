using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UserMessages.Services;
using UserMessages.Users;

using UserMessages.Moderation;

namespace UserMessages.ViewModels;

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

        if (http.Items.TryGetValue(Key, out var value) && value is Known known && known.UserId == userId)
        {
            return known.Count;
        }

        var count = await messages.CountRequestsAsync(userId, http.RequestAborted);
        Remember(http, userId, count);
        return count;
    }

    /// <summary>Whether the signed-in user is a moderator, who is shown the link to the moderation queue.</summary>
    /// <param name="http">The current request.</param>
    /// <returns>True for a moderator.</returns>
    public Task<bool> IsModeratorAsync(HttpContext http) => ModeratorGate.IsModeratorAsync(http);

    /// <summary>Remembers <paramref name="count"/> as <paramref name="userId"/>'s requests for the rest of the request (a folder page reads it with its threads).</summary>
    internal static void Remember(HttpContext http, string userId, int count) => http.Items[Key] = new Known(userId, count);

    private static readonly object Key = new();

    private sealed record Known(string UserId, int Count);
}
