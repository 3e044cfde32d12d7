namespace UserMessages.Users;

/// <summary>Stands for a user id the directory no longer knows (a deleted account): shown under a neutral name.</summary>
internal static class FormerMember
{
    public static MessagingUser Or(IReadOnlyDictionary<string, MessagingUser> users, string id)
        => users.TryGetValue(id, out var user) ? user : new MessagingUser(id, string.Empty, "Former member");
}
