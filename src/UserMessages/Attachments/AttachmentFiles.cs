using Microsoft.Extensions.Logging;

namespace UserMessages.Attachments;

/// <summary>Deletes the files of attachments whose rows are already gone; one that cannot be deleted is logged (nothing refers to it any more).</summary>
internal sealed partial class AttachmentFiles(IAttachmentStore store, ILogger<AttachmentFiles> logger)
{
    public async Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            try
            {
                await store.DeleteAsync(key, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFileNotDeleted(logger, e, key);
            }
        }
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The attachment file {Key} could not be deleted; nothing refers to it any more.")]
    private static partial void LogFileNotDeleted(ILogger logger, Exception exception, string key);
}
