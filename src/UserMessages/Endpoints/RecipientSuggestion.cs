namespace UserMessages.Endpoints;

/// <summary>One user suggested by the type-ahead, as JSON.</summary>
internal sealed record RecipientSuggestion(string Id, string UserName, string DisplayName);
