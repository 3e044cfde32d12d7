namespace UserMessages.About;

/// <summary>The host's <see cref="IAboutResolver"/> (the last registered, if any), its answers made safe to show: no card without a title, no link or picture of another scheme.</summary>
internal sealed class AboutCards(IEnumerable<IAboutResolver> resolvers)
{
    private static readonly IReadOnlyDictionary<string, AboutCard> None = new Dictionary<string, AboutCard>();

    private readonly IAboutResolver? resolver = resolvers.LastOrDefault();

    /// <summary>The card of <paramref name="reference"/> when <paramref name="senderId"/> may start a conversation about it; null without a resolver.</summary>
    public async Task<AboutCard?> ForStartAsync(string senderId, AboutReference reference, IReadOnlyCollection<string> recipientIds, CancellationToken cancellationToken)
        => resolver is null ? null : Safe(await resolver.ResolveForStartAsync(senderId, reference, recipientIds, cancellationToken));

    /// <summary>The cards of a page's stored references (<c>kind:key</c>) the reader may see, by reference; nothing is asked when there are none.</summary>
    public async Task<IReadOnlyDictionary<string, AboutCard>> ForPageAsync(string userId, IEnumerable<string?> abouts, CancellationToken cancellationToken)
    {
        var references = abouts.OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(text => AboutReference.TryParse(text, out var reference) ? reference : null).OfType<AboutReference>().ToList();
        if (resolver is null || references.Count == 0)
        {
            return None;
        }

        var cards = await resolver.ResolveAsync(userId, references, cancellationToken);
        var shown = new Dictionary<string, AboutCard>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (cards.TryGetValue(reference, out var card) && Safe(card) is { } safe)
            {
                shown[reference.ToString()] = safe;
            }
        }

        return shown;
    }

    private static AboutCard? Safe(AboutCard? card)
        => card is null || string.IsNullOrWhiteSpace(card.Title)
            ? null
            : card with { Url = AboutCard.IsSafe(card.Url) ? card.Url : string.Empty, ImageUrl = AboutCard.IsSafe(card.ImageUrl) ? card.ImageUrl : null };
}
