using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Api;

/// <summary>
/// The <c>to</c> list of an API call (user ids, user names or e-mail addresses) turned into users.
/// Unknown and refused recipients get the same words, named as the caller sent them.
/// </summary>
internal sealed class ApiRecipients
{
    private ApiRecipients(IReadOnlyDictionary<string, MessagingUser> users, IReadOnlyList<MessagingError> errors)
    {
        Users = users;
        Errors = errors;
    }

    /// <summary>The users found, keyed by the value as sent.</summary>
    public IReadOnlyDictionary<string, MessagingUser> Users { get; }

    public IReadOnlyList<MessagingError> Errors { get; }

    public IReadOnlyList<string> UserIds => Users.Values.Select(u => u.Id).Distinct(StringComparer.Ordinal).ToList();

    public static async Task<ApiRecipients> ResolveAsync(
        IReadOnlyList<string?>? to, IUserDirectory directory, UserMessagesErrorDescriber describer, int maxRecipients, CancellationToken cancellationToken)
    {
        var names = (to ?? [])
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (names.Count == 0)
        {
            return new(new Dictionary<string, MessagingUser>(), [describer.RecipientsRequired()]);
        }

        // The caller may name themselves (then ignored), hence one more.
        if (names.Count > maxRecipients + 1)
        {
            return new(new Dictionary<string, MessagingUser>(), [describer.TooManyRecipients(maxRecipients)]);
        }

        var found = new Dictionary<string, MessagingUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, user) in await directory.FindByIdsAsync(names, cancellationToken))
        {
            found[id] = user;
        }

        var rest = names.Where(n => !found.ContainsKey(n)).ToList();
        if (rest.Count > 0)
        {
            foreach (var (name, user) in await directory.FindByNamesAsync(rest, cancellationToken))
            {
                found[name] = user;
            }
        }

        return new(found, names.Where(n => !found.ContainsKey(n)).Select(describer.RecipientUnavailable).ToList());
    }

    /// <summary>The service's errors, with refused recipients named back as the caller sent them.</summary>
    public IEnumerable<MessagingError> NameRefusals(IEnumerable<MessagingError> errors, UserMessagesErrorDescriber describer)
    {
        var sentAs = Users.GroupBy(u => u.Value.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        return errors.Select(e => e.Recipient is { } id && sentAs.TryGetValue(id, out var sent) ? describer.RecipientUnavailable(sent) : e);
    }
}
