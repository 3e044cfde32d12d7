namespace UserMessages.Web;

/// <summary>Every prefix the messaging pages are mapped at; the first is used for links made outside them (e.g. the badge).</summary>
internal sealed class UserMessagesMounts
{
    private readonly List<UserMessagesMount> mounts = [];
    private readonly Lock gate = new();

    public UserMessagesMount Add(string prefix, bool hasLiveUpdates)
    {
        lock (gate)
        {
            if (mounts.Any(m => string.Equals(m.Prefix, prefix, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"MapUserMessages(\"{prefix}\") was called twice; map the messaging pages once per prefix.");
            }

            var mount = new UserMessagesMount(prefix, hasLiveUpdates);
            mounts.Add(mount);
            return mount;
        }
    }

    public UserMessagesMount? Default
    {
        get
        {
            lock (gate)
            {
                return mounts.Count > 0 ? mounts[0] : null;
            }
        }
    }
}
