using UserMessages.About;

namespace UserMessages.Sample.Listings;

/// <summary>The sample's few things for sale, shown on its home page; a conversation can be about one of them (<c>listing:1</c>).</summary>
public static class SampleListings
{
    /// <summary>Every listing, by key.</summary>
    public static IReadOnlyDictionary<string, (string Title, string Picture)> All { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["1"] = ("Blue city bicycle", "/listings/bicycle.svg"),
        ["2"] = ("Oak bookshelf", "/listings/bookshelf.svg"),
        ["3"] = ("Espresso machine", "/listings/espresso.svg"),
    };

    /// <summary>The listing's card: its title, its place on the home page, its picture.</summary>
    public static AboutCard? CardOf(AboutReference reference)
        => reference.Kind == "listing" && All.TryGetValue(reference.Key, out var listing)
            ? new AboutCard(listing.Title, "/#listing-" + reference.Key) { ImageUrl = listing.Picture }
            : null;
}

/// <summary>Lets the sample's conversations be about its listings: anyone signed in may ask about any of them.</summary>
public sealed class SampleListingResolver : IAboutResolver
{
    /// <inheritdoc />
    public Task<AboutCard?> ResolveForStartAsync(string senderId, AboutReference reference, IReadOnlyCollection<string> recipientIds, CancellationToken cancellationToken)
        => Task.FromResult(SampleListings.CardOf(reference));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<AboutReference, AboutCard>> ResolveAsync(string userId, IReadOnlyCollection<AboutReference> references, CancellationToken cancellationToken)
    {
        var cards = new Dictionary<AboutReference, AboutCard>();
        foreach (var reference in references)
        {
            if (SampleListings.CardOf(reference) is { } card)
            {
                cards[reference] = card;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<AboutReference, AboutCard>>(cards);
    }
}
