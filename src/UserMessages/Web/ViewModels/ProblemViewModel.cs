namespace UserMessages.ViewModels;

/// <summary>An error page (bad request, not found, expired form) shown in the site's layout.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Title">A short title.</param>
/// <param name="Detail">What happened and what to do.</param>
public sealed record ProblemViewModel(int StatusCode, string Title, string Detail);
