using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserMessages.Storage;
using UserMessages.Store;

namespace UserMessages.ViewComponents;

/// <summary>Logs, once per app, why the unread badge rendered nothing (typically a migration not yet applied).</summary>
internal sealed class UnreadBadgeWarning(ILogger<UserMessagesUnreadBadgeViewComponent> logger)
{
    private int reported;

    public async Task ReportAsync(Exception exception, DbContext context)
    {
        // A database out of reach for a while is not the once-per-app warning (the messaging pages log it as they answer 503).
        if (MissingTables.IsUnavailable(exception))
        {
            logger.LogDebug(exception, "The unread badge rendered nothing: the database could not be reached.");
            return;
        }

        if (Interlocked.Exchange(ref reported, 1) == 1)
        {
            logger.LogDebug(exception, "The unread badge could not read its count and rendered nothing.");
            return;
        }

        var missing = await MissingTables.FindAsync(context, CancellationToken.None);
        if (missing.Count > 0)
        {
            logger.LogWarning(exception, "The unread badge renders nothing: the database has no UserMessages tables ({Tables}). " + MissingTables.Remedy, string.Join(", ", missing));
        }
        else
        {
            logger.LogWarning(exception, "The unread badge renders nothing: its count could not be read from the database.");
        }
    }
}
