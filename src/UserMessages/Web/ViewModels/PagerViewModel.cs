namespace UserMessages.ViewModels;

/// <summary>Links to the neighbouring pages of a folder or thread (the <c>_Pager</c> partial).</summary>
/// <param name="NewerUrl">The newer page, or <see langword="null"/> on the newest.</param>
/// <param name="OlderUrl">The older page, or <see langword="null"/> on the oldest.</param>
/// <param name="Label">What the pager moves through, for screen readers ("Conversations", "Messages").</param>
public sealed record PagerViewModel(string? NewerUrl, string? OlderUrl, string Label);
