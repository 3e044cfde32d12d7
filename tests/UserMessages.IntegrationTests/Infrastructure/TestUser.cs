namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>A real Identity user of the test app: its id and the name others type to write to it.</summary>
public sealed record TestUser(string Id, string UserName);
