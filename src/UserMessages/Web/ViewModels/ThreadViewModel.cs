using UserMessages.Services;

namespace UserMessages.ViewModels;

/// <summary>A thread page: its messages and the reply form.</summary>
/// <param name="Page">The messages of this page and the cursors to older and newer ones.</param>
/// <param name="CurrentUserId">The signed-in user, to tell their own messages apart.</param>
/// <param name="Reply">The reply form.</param>
public sealed record ThreadViewModel(ThreadPage Page, string CurrentUserId, ReplyForm Reply);
