namespace UserMessages.Web;

/// <summary>The pages that links point to (each is an endpoint name under every mount).</summary>
internal static class PageNames
{
    public const string Inbox = nameof(Inbox);
    public const string Sent = nameof(Sent);
    public const string Trash = nameof(Trash);
    public const string Create = nameof(Create);
    public const string CreateTo = nameof(CreateTo);
    public const string Thread = nameof(Thread);
    public const string Delete = nameof(Delete);
    public const string Restore = nameof(Restore);
}
