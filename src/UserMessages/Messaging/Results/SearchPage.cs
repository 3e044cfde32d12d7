namespace UserMessages.Services;

/// <summary>One page of a search of the user's own threads, newest activity first.</summary>
/// <param name="Query">What was searched for.</param>
/// <param name="Threads">The threads whose subject or messages contain it.</param>
/// <param name="OlderCursor">Pass as <see cref="PageRequest.Before"/> for older results; <see langword="null"/> on the last page.</param>
/// <param name="NewerCursor">Pass as <see cref="PageRequest.After"/> for newer results; <see langword="null"/> on the first page.</param>
public sealed record SearchPage(string Query, IReadOnlyList<ThreadSummary> Threads, string? OlderCursor, string? NewerCursor);
