using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>The search page: the query, and its results once searched.</summary>
/// <param name="Query">What was searched for (empty before the first search).</param>
/// <param name="Results">The results, or <see langword="null"/> before a search or when the query was refused.</param>
/// <param name="Error">Why the query was refused (too short), if it was.</param>
public sealed record SearchViewModel(string Query, SearchPage? Results, string? Error);
