namespace UserMessages.Web.Pages;

/// <summary>The bundled pages; a host overrides one by adding a view at the same path.</summary>
internal static class ViewPaths
{
    private const string Root = "/Areas/UserMessages/Views/Messages/";

    public const string Inbox = Root + "Inbox.cshtml";
    public const string Sent = Root + "Sent.cshtml";
    public const string Trash = Root + "Trash.cshtml";
    public const string Archive = Root + "Archive.cshtml";
    public const string Requests = Root + "Requests.cshtml";
    public const string Search = Root + "Search.cshtml";
    public const string Blocked = Root + "Blocked.cshtml";
    public const string Settings = Root + "Settings.cshtml";
    public const string Thread = Root + "Thread.cshtml";
    public const string Create = Root + "Create.cshtml";
    public const string Problem = Root + "Problem.cshtml";
}
