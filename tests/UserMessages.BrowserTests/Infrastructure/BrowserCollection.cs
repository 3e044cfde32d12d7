namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>Every browser test shares one site and one browser, so they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
