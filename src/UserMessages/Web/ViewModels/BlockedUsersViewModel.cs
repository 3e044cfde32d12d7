using UserMessages.Blocking;

namespace UserMessages.ViewModels;

/// <summary>The blocked-users page: who is blocked, and the form to block someone.</summary>
/// <param name="Blocked">The users blocked, most recent first.</param>
/// <param name="Name">The block form's field as last typed.</param>
/// <param name="Errors">What was wrong with the last submission.</param>
public sealed record BlockedUsersViewModel(IReadOnlyList<BlockedUser> Blocked, string Name, FormErrors Errors);
