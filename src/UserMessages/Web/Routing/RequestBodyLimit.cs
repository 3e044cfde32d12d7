using UserMessages.Domain;

namespace UserMessages.Web.Routing;

/// <summary>
/// The largest body a page form or API call may send: the longest subject, content and recipient list, each character escaped;
/// where files may be sent (and attachments are on), that and the most files of the largest size.
/// </summary>
internal static class RequestBodyLimit
{
    public static long For(UserMessagesOptions options, bool withFiles = false)
        => 16 * 1024 + ((long)options.MaxContentLength + MessageThread.MaxSubjectLength + (options.MaxRecipients * 256L)) * 9
            + (withFiles && options.Attachments.Enabled ? options.Attachments.MaxFiles * (options.Attachments.MaxFileSize + 1024) : 0);
}
