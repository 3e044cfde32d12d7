using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace UserMessages.Store;

/// <summary>
/// SQLite lets one transaction write at a time, and Microsoft.Data.Sqlite answers a busy database by
/// sleeping 150 ms before it tries again: with a few dozen replies at once, most of the time went in
/// those sleeps (about 150 replies a second, a p99 over a second). So the package's own write
/// transactions on one SQLite database wait their turn here, in the process, before they begin;
/// they never find the database busy because of each other. Writers in other processes, or the
/// host's own transactions, still meet SQLite's locking as before. Other databases are not queued.
/// </summary>
internal static class SqliteWriteQueue
{
    // One queue per database, known by its connection string (a file, or a named in-memory database).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's turn; dispose the result to hand it on. Nothing to wait for unless the database is SQLite.</summary>
    public static async ValueTask<Turn> WaitAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.ProviderName != DatabaseProviders.Sqlite || database.GetConnectionString() is not { } connectionString)
        {
            return default;
        }

        var queue = Queues.GetOrAdd(connectionString, static _ => new SemaphoreSlim(1, 1));
        await queue.WaitAsync(cancellationToken);
        return new Turn(queue);
    }

    /// <summary>A turn to write; disposing it lets the next writer in.</summary>
    internal readonly struct Turn(SemaphoreSlim? queue) : IDisposable
    {
        public void Dispose() => queue?.Release();
    }
}
