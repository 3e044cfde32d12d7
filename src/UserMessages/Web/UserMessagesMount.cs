namespace UserMessages.Web;

/// <summary>One call of <c>MapUserMessages(prefix)</c>: its prefix, whether it maps the live-updates hub, and the unique endpoint names of its pages.</summary>
internal sealed class UserMessagesMount(string prefix, bool hasLiveUpdates)
{
    public string Prefix { get; } = prefix;

    public bool HasLiveUpdates { get; } = hasLiveUpdates;

    public string NameOf(string page) => $"UserMessages[{Prefix}].{page}";
}
