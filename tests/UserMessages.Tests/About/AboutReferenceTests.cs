using UserMessages.About;

namespace UserMessages.Tests.About;

/// <summary>Issue 22, item 7: the references a conversation can be about, and the card addresses that are shown.</summary>
public sealed class AboutReferenceTests
{
    [Theory]
    [InlineData("listing:123", "listing", "123")]
    [InlineData("order:A-17/x", "order", "A-17/x")]
    [InlineData("support_ticket:äbc", "support_ticket", "äbc")]
    [InlineData("a:b:c", "a", "b:c")]
    public void AKindAndAKey_AreRead_AndWrittenBackAsTheyCame(string text, string kind, string key)
    {
        Assert.True(AboutReference.TryParse(text, out var reference));
        Assert.Equal(new AboutReference(kind, key), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("listing")]
    [InlineData(":123")]
    [InlineData("listing:")]
    [InlineData("Listing:1")]
    [InlineData("list ing:1")]
    [InlineData("listing:1 2")]
    [InlineData("listing:1\n")]
    [InlineData("listing:\u0000")]
    [InlineData("listing:\u00a0")]
    public void AnythingElse_IsNoReference(string? text)
        => Assert.False(AboutReference.TryParse(text, out _));

    [Fact]
    public void TheKindAndTheKey_HaveTheirLimits_AndAReferenceFitsItsColumn()
    {
        Assert.True(AboutReference.TryParse(new string('k', 32) + ":" + new string('x', 128), out var longest));
        Assert.Equal(AboutReference.MaxLength, longest.ToString().Length);
        Assert.False(AboutReference.TryParse(new string('k', 33) + ":1", out _));
        Assert.False(AboutReference.TryParse("k:" + new string('x', 129), out _));
    }

    [Theory]
    [InlineData("/listings/1", true)]
    [InlineData("/", true)]
    [InlineData("https://example.com/a", true)]
    [InlineData("http://example.com/a", true)]
    [InlineData("//evil.example/a", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:image/svg+xml,<svg/>", false)]
    [InlineData("listings/1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ACardLinksOnlyToTheWebOrTheSitesOwnPaths(string? url, bool shown)
        => Assert.Equal(shown, AboutCard.IsSafe(url));
}
