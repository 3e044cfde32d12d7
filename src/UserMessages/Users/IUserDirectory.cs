using System.Security.Claims;

namespace UserMessages.Users;

/// <summary>
/// How the messaging feature knows users: the signed-in user's id, the names shown for ids, and
/// the user a typed recipient ("bob" or an e-mail address) means. The default reads ASP.NET Core
/// Identity's <c>UserManager</c>; register your own with <c>AddUserDirectory&lt;T&gt;()</c>.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The id of the signed-in user, or <see langword="null"/> when there is none.</summary>
    /// <param name="principal">The request's user.</param>
    /// <returns>The user id as the messaging tables store it.</returns>
    string? GetUserId(ClaimsPrincipal principal);

    /// <summary>Finds users by id in one round trip; ids that match nobody are absent from the result.</summary>
    /// <param name="userIds">The ids to look up.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The users found, keyed by id.</returns>
    Task<IReadOnlyDictionary<string, MessagingUser>> FindByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>Finds users by the user name or e-mail address a sender typed; names that match nobody are absent.</summary>
    /// <param name="names">The names as typed (trimmed).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The users found, keyed by the name as given.</returns>
    Task<IReadOnlyDictionary<string, MessagingUser>> FindByNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Users whose user name or e-mail address starts with <paramref name="prefix"/>, for the recipient type-ahead.</summary>
    /// <param name="prefix">What the sender has typed so far.</param>
    /// <param name="excludedUserIds">Users never to list (the sender, and users who blocked them).</param>
    /// <param name="max">The most users to return.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>At most <paramref name="max"/> users, ordered by user name.</returns>
    Task<IReadOnlyList<MessagingUser>> SuggestAsync(string prefix, IReadOnlyCollection<string> excludedUserIds, int max, CancellationToken cancellationToken);
}
