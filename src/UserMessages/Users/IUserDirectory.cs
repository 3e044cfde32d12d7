using System.Security.Claims;

namespace UserMessages.Users;

/// <summary>
/// How the messaging feature knows users: the signed-in user's id, the names shown for ids, and the user a typed
/// recipient means. Ids are compared as exact strings: <see cref="MessagingUser.Id"/> must be what <see cref="GetUserId"/> returns.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The id of the signed-in user, or <see langword="null"/> when there is none.</summary>
    /// <param name="principal">The request's user.</param>
    /// <returns>The user id as the messaging tables store it.</returns>
    string? GetUserId(ClaimsPrincipal principal);

    /// <summary>Finds users by id in one round trip; ids that match nobody are absent from the result.</summary>
    /// <param name="userIds">The ids to look up, as stored or as a caller wrote them (an upper-case Guid, say).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The users found, keyed by the ids as given (a key that differs only in case is accepted), each with the id that is stored.</returns>
    Task<IReadOnlyDictionary<string, MessagingUser>> FindByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>Finds users by what a sender typed in full (see <see cref="FindsPeopleBy"/>); names that match nobody are absent.</summary>
    /// <param name="names">The names as typed (trimmed).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The users found, keyed by the name as given.</returns>
    Task<IReadOnlyDictionary<string, MessagingUser>> FindByNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Users whose name starts with <paramref name="prefix"/>, for the recipient type-ahead.</summary>
    /// <param name="prefix">What the sender has typed so far.</param>
    /// <param name="excludedUserIds">Users never to list (the sender, and users who blocked them).</param>
    /// <param name="max">The most users to return.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>At most <paramref name="max"/> users, ordered by user name.</returns>
    Task<IReadOnlyList<MessagingUser>> SuggestAsync(string prefix, IReadOnlyCollection<string> excludedUserIds, int max, CancellationToken cancellationToken);

    /// <summary>When a user's account was created (UTC), for the limits on new accounts; <see langword="null"/> when unknown (the default), which never counts as new.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The creation time, or <see langword="null"/>.</returns>
    Task<DateTime?> GetAccountCreatedAtAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<DateTime?>(null);

    /// <summary>What <see cref="FindByNamesAsync"/> finds people by; the hints of the pages say so. By default user names and e-mail addresses.</summary>
    PeopleFoundBy FindsPeopleBy => PeopleFoundBy.UserName | PeopleFoundBy.EmailAddress;
}
