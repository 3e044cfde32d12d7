namespace UserMessages.Users;

/// <summary>A user as the messaging pages show and address them.</summary>
/// <param name="Id">The user id, as stored in the messaging tables.</param>
/// <param name="UserName">The name a sender types to address this user.</param>
/// <param name="DisplayName">The name shown beside their messages.</param>
public sealed record MessagingUser(string Id, string UserName, string DisplayName);
