using UserMessages.Domain;

namespace UserMessages.Web.Routing;

/// <summary>The largest body a page form or API call may send: the longest subject, content and recipient list, each character escaped.</summary>
internal static class RequestBodyLimit
{
    public static long For(UserMessagesOptions options)
        => 16 * 1024 + ((long)options.MaxContentLength + MessageThread.MaxSubjectLength + (options.MaxRecipients * 256L)) * 9;
}
