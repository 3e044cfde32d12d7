namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>A real Identity user of the test app: its id, the name others type to write to it, and the public name the pages show.</summary>
public sealed record TestUser(string Id, string UserName)
{
    /// <summary>The public name: "Alice" for alice@example.com (the sample stores it as a claim; the host tests' template has none).</summary>
    public string DisplayName { get; init; } = char.ToUpperInvariant(UserName[0]) + UserName.Split('@')[0][1..];
}
