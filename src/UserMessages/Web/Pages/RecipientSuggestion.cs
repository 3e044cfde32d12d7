namespace UserMessages.Web.Pages;

/// <summary>One user suggested by the type-ahead, as JSON: their id and public name, never an e-mail address.</summary>
internal sealed record RecipientSuggestion(string Id, string DisplayName);
