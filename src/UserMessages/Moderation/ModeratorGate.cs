using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UserMessages.Moderation;

/// <summary>
/// Who is a moderator: the users who pass <see cref="UserMessagesModerationOptions.Policy"/>, or else those in its
/// <see cref="UserMessagesModerationOptions.Role"/>. Everyone else gets the 404 of an address that does not exist.
/// </summary>
internal static class ModeratorGate
{
    private static readonly object Key = new();

    /// <summary>Whether the signed-in user is a moderator (asked once per request).</summary>
    public static async Task<bool> IsModeratorAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var known) && known is bool answer)
        {
            return answer;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<UserMessagesOptions>>().Value.Moderation;
        var user = http.User;
        var isModerator = user.Identity?.IsAuthenticated == true && (options.Policy is { } policy
            ? (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy)).Succeeded
            : user.IsInRole(options.Role));
        http.Items[Key] = isModerator;
        return isModerator;
    }
}
