using Microsoft.EntityFrameworkCore;

namespace UserMessages.Storage;

/// <summary>
/// Keeps a thread's order the order its messages were stored in, whatever the number of writers and app
/// instances (SPEC §3.9): a writer first locks the thread's row, then gives its message a time no earlier
/// than the thread's latest. <see cref="SendingStatements"/> writes the same rule in SQL for replies.
/// </summary>
internal static class MessageOrder
{
    /// <summary>Locks <paramref name="threadId"/> for the current transaction and returns the time of the message about to be written.</summary>
    public static async Task<DateTime> StampAsync(UserMessagesDb db, long threadId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        var latest = await db.Messages.Where(m => m.ThreadId == threadId).MaxAsync(m => (DateTime?)m.SentAt, cancellationToken);
        return latest > now ? latest.Value : now;
    }
}
