namespace UserMessages.Users;

/// <summary>What a sender may type in full to address someone, as a user directory finds people (<see cref="IUserDirectory.FindsPeopleBy"/>); the pages' hints follow it.</summary>
[Flags]
public enum PeopleFoundBy
{
    /// <summary>Nothing typed in full: people are picked from the suggestions only.</summary>
    SuggestionsOnly = 0,

    /// <summary>Their user name (the name they sign in with).</summary>
    UserName = 1,

    /// <summary>Their whole e-mail address.</summary>
    EmailAddress = 2,

    /// <summary>Their name as the pages show it, in full.</summary>
    PublicName = 4,
}
