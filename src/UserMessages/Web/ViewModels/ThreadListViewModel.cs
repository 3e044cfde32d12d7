using UserMessages.Domain;
using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>A list of threads with its pager (the <c>_ThreadList</c> partial): a folder, or search results.</summary>
/// <param name="Threads">The threads.</param>
/// <param name="Folder">The folder listed, or <see langword="null"/> for search results (rows then say where each thread is).</param>
/// <param name="Pager">Links to the newer and older pages.</param>
public sealed record ThreadListViewModel(IReadOnlyList<ThreadSummary> Threads, MailboxFolder? Folder, PagerViewModel Pager);
