namespace UserMessages;

/// <summary>Limits for new accounts, where spam comes from: how many people they may write to, and (with the link filter) links.</summary>
public class UserMessagesNewAccountOptions
{
    /// <summary>
    /// How young an account counts as new, by the user directory's creation date (see <c>INewAccountPolicy</c>).
    /// Default <see cref="TimeSpan.Zero"/>: no account is new, and the limits below are off.
    /// </summary>
    public TimeSpan Age { get; set; }

    /// <summary>How many different people a new account may start conversations with per day. Default 5; 0 for no limit.</summary>
    public int PeoplePerDay { get; set; } = 5;
}
