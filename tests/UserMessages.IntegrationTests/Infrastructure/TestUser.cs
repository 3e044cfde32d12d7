namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>A real Identity user of the test app: its id, the name others type to write to it, and the public name the pages show.</summary>
public sealed record TestUser(string Id, string UserName, string DisplayName);
