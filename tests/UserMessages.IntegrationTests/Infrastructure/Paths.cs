namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>The sample maps the messaging pages at <c>/messages</c>.</summary>
public static class Paths
{
    public const string Inbox = "/messages";
    public const string Sent = "/messages/sent";
    public const string Trash = "/messages/trash";
    public const string Create = "/messages/create";
    public const string Moderation = "/messages/moderation";
    public const string Suspensions = "/messages/moderation/suspensions";
    public const string ModerationLog = "/messages/moderation/log";
    public const string Held = "/messages/moderation/held";

    public static string Report(long threadId, long messageId) => $"/messages/thread/{threadId}/report/{messageId}";

    public static string ModerationReport(long reportId) => $"/messages/moderation/reports/{reportId}";

    public static string CreateTo(string userId) => $"/messages/create/{userId}";

    public static string Thread(long id) => $"/messages/thread/{id}";

    public static string Delete(long id) => $"/messages/thread/{id}/delete";

    public static string Restore(long id) => $"/messages/thread/{id}/restore";

    /// <summary>The thread id in a redirect to a thread page, such as <c>/messages/thread/12#message-30</c>.</summary>
    public static long ThreadIdOf(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location?.OriginalString ?? throw new Xunit.Sdk.XunitException($"No Location header ({(int)redirect.StatusCode}).");
        const string prefix = "/messages/thread/";
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        var rest = location[prefix.Length..];
        var end = rest.IndexOfAny(['#', '?', '/']);
        return long.Parse(end < 0 ? rest : rest[..end], System.Globalization.CultureInfo.InvariantCulture);
    }
}
