namespace UserMessages.Web;

/// <summary>The pages that links point to (each is an endpoint name under every mount).</summary>
internal static class PageNames
{
    public const string Inbox = nameof(Inbox);
    public const string Sent = nameof(Sent);
    public const string Trash = nameof(Trash);
    public const string Archive = nameof(Archive);
    public const string Requests = nameof(Requests);
    public const string Answer = nameof(Answer);
    public const string Search = nameof(Search);
    public const string Bulk = nameof(Bulk);
    public const string Blocked = nameof(Blocked);
    public const string Unblock = nameof(Unblock);
    public const string Settings = nameof(Settings);
    public const string Recipients = nameof(Recipients);
    public const string ArchiveThread = nameof(ArchiveThread);
    public const string MarkUnread = nameof(MarkUnread);
    public const string Leave = nameof(Leave);
    public const string AddPeople = nameof(AddPeople);
    public const string Create = nameof(Create);
    public const string CreateTo = nameof(CreateTo);
    public const string Thread = nameof(Thread);
    public const string Delete = nameof(Delete);
    public const string Restore = nameof(Restore);
    public const string Hub = nameof(Hub);
    public const string Report = nameof(Report);
    public const string EditMessage = nameof(EditMessage);
    public const string Mute = nameof(Mute);
    public const string Unmute = nameof(Unmute);
    public const string Attachment = nameof(Attachment);
    public const string DeleteMessage = nameof(DeleteMessage);
    public const string MessageVersions = nameof(MessageVersions);
    public const string Moderation = nameof(Moderation);
    public const string ModerationReport = nameof(ModerationReport);
    public const string Suspensions = nameof(Suspensions);
    public const string Lift = nameof(Lift);
    public const string ModerationLog = nameof(ModerationLog);
    public const string Held = nameof(Held);
    public const string HeldDecision = nameof(HeldDecision);
}
