using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Endpoints;

/// <summary>
/// Recipients as a sender named them — the form's "bob, carol@example.com", or the API's list of
/// user ids, names and e-mails — turned into users. Unknown and refused recipients get the same
/// words, named as the sender wrote them.
/// </summary>
internal sealed class RecipientNames
{
    private static readonly char[] Separators = [',', ';', '\n', '\r'];

    private RecipientNames(IReadOnlyDictionary<string, MessagingUser> users, IReadOnlyList<MessagingError> errors)
    {
        Users = users;
        Errors = errors;
    }

    /// <summary>The users found, keyed by the name as written.</summary>
    public IReadOnlyDictionary<string, MessagingUser> Users { get; }

    /// <summary>Names that matched nobody, or no name at all, or too many.</summary>
    public IReadOnlyList<MessagingError> Errors { get; }

    /// <summary>The distinct ids of the users found.</summary>
    public IReadOnlyList<string> UserIds => Users.Values.Select(u => u.Id).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The form's field: names separated by commas, semicolons or lines (user names or e-mails).</summary>
    public static Task<RecipientNames> ResolveAsync(
        string typed, IUserDirectory directory, UserMessagesErrorDescriber describer, int maxRecipients, CancellationToken cancellationToken)
        => ResolveAsync(typed.Split(Separators), acceptIds: false, directory, describer, maxRecipients, cancellationToken);

    /// <summary>A list of names; with <paramref name="acceptIds"/>, user ids too (the API's <c>to</c>).</summary>
    public static async Task<RecipientNames> ResolveAsync(
        IEnumerable<string?> written, bool acceptIds, IUserDirectory directory, UserMessagesErrorDescriber describer, int maxRecipients, CancellationToken cancellationToken)
    {
        var names = written.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())
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

        // A name with a control character names nobody (and is never sent to the database, which may refuse it).
        var found = new Dictionary<string, MessagingUser>(StringComparer.Ordinal);
        var lookup = names.Where(n => TextRules.IsStorable(n, multiline: false)).ToList();
        if (acceptIds)
        {
            foreach (var (id, user) in await directory.FindByIdsAsync(lookup, cancellationToken))
            {
                found[id] = user;
            }
        }

        var rest = lookup.Where(n => !found.ContainsKey(n)).ToList();
        if (rest.Count > 0)
        {
            foreach (var (name, user) in await directory.FindByNamesAsync(rest, cancellationToken))
            {
                found[name] = user;
            }
        }

        return new(found, names.Where(n => !found.ContainsKey(n)).Select(describer.RecipientUnavailable).ToList());
    }

    /// <summary>The service's errors, with refused recipients named back as the sender wrote them.</summary>
    public IEnumerable<MessagingError> NameRefusals(IEnumerable<MessagingError> errors, UserMessagesErrorDescriber describer)
    {
        var written = Users.GroupBy(u => u.Value.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        return errors.Select(e => e.Recipient is { } id && written.TryGetValue(id, out var name) ? describer.RecipientUnavailable(name) : e);
    }
}
