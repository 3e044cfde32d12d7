using UserMessages.Domain;
using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>One row of a folder list (the <c>_ThreadRow</c> partial).</summary>
/// <param name="Thread">The thread.</param>
/// <param name="Folder">The folder it is listed in (Trash rows offer Restore), or <see langword="null"/> in search results.</param>
public sealed record ThreadRowViewModel(ThreadSummary Thread, MailboxFolder? Folder);
