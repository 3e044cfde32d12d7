namespace UserMessages.Web;

/// <summary>One call of <c>MapUserMessages(prefix)</c>: its prefix and the unique endpoint names of its pages.</summary>
internal sealed class UserMessagesMount(string prefix)
{
    public string Prefix { get; } = prefix;

    public string NameOf(string page) => $"UserMessages[{Prefix}].{page}";
}
