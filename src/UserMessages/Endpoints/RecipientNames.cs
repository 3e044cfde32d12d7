using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Endpoints;

/// <summary>
/// The recipient field as typed ("bob, carol@example.com") turned into users. Unknown names and
/// refused recipients get the same words, named as the sender typed them.
/// </summary>
internal sealed class RecipientNames
{
    private static readonly char[] Separators = [',', ';', '\n', '\r'];

    private RecipientNames(IReadOnlyDictionary<string, MessagingUser> users, IReadOnlyList<MessagingError> errors)
    {
        Users = users;
        Errors = errors;
    }

    /// <summary>The users found, keyed by the name as typed.</summary>
    public IReadOnlyDictionary<string, MessagingUser> Users { get; }

    /// <summary>Names that matched nobody, or no name at all, or too many.</summary>
    public IReadOnlyList<MessagingError> Errors { get; }

    public static async Task<RecipientNames> ResolveAsync(
        string typed, IUserDirectory directory, UserMessagesErrorDescriber describer, int maxRecipients, CancellationToken cancellationToken)
    {
        var names = typed.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (names.Count == 0)
        {
            return new(new Dictionary<string, MessagingUser>(), [describer.RecipientsRequired()]);
        }

        // The sender may be among the names (and is then ignored), hence one more.
        if (names.Count > maxRecipients + 1)
        {
            return new(new Dictionary<string, MessagingUser>(), [describer.TooManyRecipients(maxRecipients)]);
        }

        var found = await directory.FindByNamesAsync(names, cancellationToken);
        return new(found, names.Where(n => !found.ContainsKey(n)).Select(describer.RecipientUnavailable).ToList());
    }

    /// <summary>The service's errors, with refused recipients named back as the sender typed them.</summary>
    public IEnumerable<MessagingError> NameRefusals(IEnumerable<MessagingError> errors, UserMessagesErrorDescriber describer)
    {
        var typedNames = Users.GroupBy(u => u.Value.Id).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        return errors.Select(e => e.Recipient is { } id && typedNames.TryGetValue(id, out var typed) ? describer.RecipientUnavailable(typed) : e);
    }
}
