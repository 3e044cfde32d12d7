using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace UserMessages.Store;

/// <summary>
/// Queues the package's own write transactions on one SQLite database in the process, so that they never
/// meet Microsoft.Data.Sqlite's 150 ms busy sleep because of each other; other databases are not queued.
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
