using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UserMessages.Attachments;
using UserMessages.Store;

namespace UserMessages.Retention;

/// <summary>
/// Deletes uploads no message carries (never sent, or whose message went with its thread's purge) once they are older than
/// <see cref="UserMessagesAttachmentOptions.UnsentLifetime"/>: their rows, then their files.
/// </summary>
internal sealed class AttachmentCleanup(UserMessagesDb db, AttachmentFiles files, IOptions<UserMessagesOptions> options, TimeProvider clock)
{
    /// <summary>Rows read and deleted at a time.</summary>
    private const int Batch = 500;

    /// <summary>Deletes them; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - options.Value.Attachments.UnsentLifetime;
        var deleted = 0;
        while (true)
        {
            var unsent = await db.Attachments.AsNoTracking().Where(a => a.MessageId == null && a.HeldMessageId == null && a.UploadedAt < before)
                .OrderBy(a => a.UploadedAt).Take(Batch).Select(a => new { a.Id, a.StorageKey }).ToListAsync(cancellationToken);
            if (unsent.Count == 0)
            {
                return deleted;
            }

            var ids = unsent.Select(a => a.Id).ToList();
            await db.Attachments.Where(a => ids.Contains(a.Id) && a.MessageId == null && a.HeldMessageId == null).ExecuteDeleteAsync(cancellationToken);
            // A row a message took between the read and the delete stays, and so does its file.
            var kept = await db.Attachments.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
            await files.DeleteAsync(unsent.Where(a => !kept.Contains(a.Id)).Select(a => a.StorageKey), cancellationToken);
            deleted += unsent.Count - kept.Count;
            if (kept.Count == unsent.Count)
            {
                return deleted;
            }
        }
    }
}

/// <summary>Runs <see cref="AttachmentCleanup"/> every <see cref="UserMessagesAttachmentOptions.UnsentLifetime"/> while attachments are on.</summary>
internal sealed partial class AttachmentCleanupService(
    IServiceScopeFactory scopes, IOptions<UserMessagesOptions> options, TimeProvider clock, ILogger<AttachmentCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var attachments = options.Value.Attachments;
        if (!attachments.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(attachments.UnsentLifetime, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                LogCleaned(logger, await scope.ServiceProvider.GetRequiredService<AttachmentCleanup>().RunAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "UserMessages deleted {Count} attachments no message carries.")]
    private static partial void LogCleaned(ILogger logger, int count);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "UserMessages' clean-up of unsent attachments failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
