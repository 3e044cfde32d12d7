using Microsoft.Extensions.Localization;

namespace UserMessages.Users;

/// <summary>Stands for a user id the directory no longer knows (a deleted account): shown under a neutral name, in the reader's language.</summary>
internal sealed class FormerMember(IStringLocalizer<UserMessagesResources> text)
{
    public MessagingUser Or(IReadOnlyDictionary<string, MessagingUser> users, string id)
        => users.TryGetValue(id, out var user) ? user : new MessagingUser(id, string.Empty, text["Former member"]);

    /// <summary>Someone whose id was erased with their data (an erased reporter).</summary>
    public MessagingUser Unknown => new(string.Empty, string.Empty, text["Former member"]);
}
