using UserMessages.Users;

namespace UserMessages.Blocking;

/// <summary>A user someone has blocked.</summary>
/// <param name="User">The blocked user.</param>
/// <param name="Since">When they were blocked (UTC).</param>
public sealed record BlockedUser(MessagingUser User, DateTime Since);
