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

    /// <summary>Writes a kept page's HTML (<see cref="KeptPages"/>); not meant to be overridden.</summary>
    public const string Kept = "/Areas/UserMessages/Views/Shared/_KeptPage.cshtml";
    public const string Report = Root + "Report.cshtml";
    public const string EditMessage = Root + "EditMessage.cshtml";
    public const string MessageVersions = Root + "MessageVersions.cshtml";

    private const string ModerationRoot = "/Areas/UserMessages/Views/Moderation/";

    public const string ModerationQueue = ModerationRoot + "Reports.cshtml";
    public const string ModerationReport = ModerationRoot + "Report.cshtml";
    public const string Suspensions = ModerationRoot + "Suspensions.cshtml";
    public const string ModerationLog = ModerationRoot + "Log.cshtml";
    public const string Held = ModerationRoot + "Held.cshtml";
}
