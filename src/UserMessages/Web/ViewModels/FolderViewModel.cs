using UserMessages.Domain;
using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>A folder page: Inbox, Sent or Trash.</summary>
/// <param name="Page">The threads on this page and the cursors to the next ones.</param>
public sealed record FolderViewModel(FolderPage Page)
{
    /// <summary>The folder shown.</summary>
    public MailboxFolder Folder => Page.Folder;
}
