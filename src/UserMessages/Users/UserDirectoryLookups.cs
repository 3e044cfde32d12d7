namespace UserMessages.Users;

/// <summary>
/// Looks ids up through the host's directory, which may spell an id otherwise than it was given (an upper-case
/// Guid found under its lower-case form): the answer is keyed by the ids as given, each user carrying the id the
/// directory spells, which is the one stored.
/// </summary>
internal static class UserDirectoryLookups
{
    /// <summary>The users found for <paramref name="userIds"/>, keyed by the ids as given (a key that differs only in case matches).</summary>
    /// <exception cref="InvalidOperationException">The directory answered with a key that matches none of the ids it was given.</exception>
    public static async Task<IReadOnlyDictionary<string, MessagingUser>> FindByIdsAsGivenAsync(
        this IUserDirectory directory, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var found = await directory.FindByIdsAsync(userIds, cancellationToken);
        if (found.Count == 0 || userIds.All(found.ContainsKey))
        {
            return found;
        }

        var byAnyCase = new Dictionary<string, MessagingUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, user) in found)
        {
            byAnyCase.TryAdd(key, user);
            byAnyCase.TryAdd(user.Id, user);
        }

        var asGiven = new Dictionary<string, MessagingUser>(StringComparer.Ordinal);
        foreach (var id in userIds)
        {
            if (found.TryGetValue(id, out var user) || byAnyCase.TryGetValue(id, out user))
            {
                asGiven[id] = user;
            }
        }

        var unmatched = found.Keys.Where(key => !userIds.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unmatched.Count > 0)
        {
            throw new InvalidOperationException(
                $"{directory.GetType().Name}.FindByIdsAsync was asked for [{string.Join(", ", userIds)}] and answered with [{string.Join(", ", unmatched)}], "
                + "which match none of them. Key its answer by the ids as given (a spelling that differs only in case is accepted), "
                + "and give each user the id GetUserId returns for them: that id is the one the messaging tables store.");
        }

        return asGiven;
    }
}
