using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Web.Pages;

/// <summary>
/// Recipients as a sender named them — the form's typed "bob, carol@example.com" and the people picked
/// from the suggestions (by id), or the API's list of user ids, names and e-mails — turned into users.
/// Unknown and refused recipients get the same words, named as the sender wrote or saw them.
/// </summary>
internal sealed class RecipientNames
{
    private static readonly char[] Separators = [',', ';', '\n', '\r'];

    private readonly List<(string Written, MessagingUser User)> found;

    private RecipientNames(List<(string Written, MessagingUser User)> found, IReadOnlyList<MessagingError> errors)
    {
        this.found = found;
        Errors = errors;
    }

    /// <summary>Names that matched nobody, or no name at all, or too many.</summary>
    public IReadOnlyList<MessagingError> Errors { get; }

    /// <summary>The distinct ids of the users found.</summary>
    public IReadOnlyList<string> UserIds => found.Select(f => f.User.Id).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The users found among those picked by id, to show again when the form comes back.</summary>
    public IReadOnlyList<MessagingUser> Chosen { get; private init; } = [];

    /// <summary>The form's fields: names typed, separated by commas, semicolons or lines, and the ids of people picked from the suggestions.</summary>
    public static async Task<RecipientNames> ResolveAsync(
        string typed, IReadOnlyCollection<string> chosenIds, IUserDirectory directory, UserMessagesErrorDescriber describer, int maxRecipients, CancellationToken cancellationToken)
    {
        var ids = chosenIds.Where(id => !string.IsNullOrWhiteSpace(id) && TextRules.IsStorable(id, multiline: false)).Distinct(StringComparer.Ordinal).ToList();
        var chosen = ids.Count == 0 ? new Dictionary<string, MessagingUser>() : await directory.FindByIdsAsGivenAsync(ids, cancellationToken);
        var picked = ids.Where(chosen.ContainsKey).Select(id => (chosen[id].DisplayName, chosen[id])).ToList();
        var unknown = chosenIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Where(id => !chosen.ContainsKey(id)).Select(describer.RecipientUnavailable);
        var names = await ResolveAsync(typed.Split(Separators), acceptIds: false, directory, describer, maxRecipients - picked.Count, cancellationToken, required: picked.Count == 0);
        return new RecipientNames([.. picked, .. names.found], [.. unknown, .. names.Errors]) { Chosen = picked.Select(p => p.Item2).ToList() };
    }

    /// <summary>A list of names; with <paramref name="acceptIds"/>, user ids too (the API's <c>to</c>).</summary>
    public static Task<RecipientNames> ResolveAsync(
        IEnumerable<string?> written, bool acceptIds, IUserDirectory directory, UserMessagesErrorDescriber describer, int maxRecipients, CancellationToken cancellationToken)
        => ResolveAsync(written, acceptIds, directory, describer, maxRecipients, cancellationToken, required: true);

    /// <summary>The service's errors, with refused recipients named back as the sender wrote or saw them.</summary>
    public IEnumerable<MessagingError> NameRefusals(IEnumerable<MessagingError> errors, UserMessagesErrorDescriber describer)
    {
        var written = found.GroupBy(f => f.User.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Written, StringComparer.Ordinal);
        return errors.Select(e => e.Recipient is { } id && written.TryGetValue(id, out var name) ? describer.RecipientUnavailable(name) : e);
    }

    private static async Task<RecipientNames> ResolveAsync(
        IEnumerable<string?> written, bool acceptIds, IUserDirectory directory, UserMessagesErrorDescriber describer, int maxRecipients, CancellationToken cancellationToken, bool required)
    {
        var names = written.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (names.Count == 0)
        {
            return new([], required ? [describer.RecipientsRequired()] : []);
        }

        // The sender may be among the names (and is then ignored), hence one more.
        if (names.Count > maxRecipients + 1)
        {
            return new([], [describer.TooManyRecipients(maxRecipients)]);
        }

        // A name with a control character names nobody (and is never sent to the database, which may refuse it).
        var found = new Dictionary<string, MessagingUser>(StringComparer.Ordinal);
        var lookup = names.Where(n => TextRules.IsStorable(n, multiline: false)).ToList();
        if (acceptIds)
        {
            foreach (var (id, user) in await directory.FindByIdsAsGivenAsync(lookup, cancellationToken))
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

        return new(
            names.Where(found.ContainsKey).Select(n => (n, found[n])).ToList(),
            names.Where(n => !found.ContainsKey(n)).Select(describer.RecipientUnavailable).ToList());
    }
}
