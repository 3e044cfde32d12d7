using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>
/// The portable store: LINQ, compiled queries and set-based updates that any relational EF Core
/// provider runs. <see cref="SqlMessageStore"/> overrides its hot operations on SQLite and PostgreSQL.
/// </summary>
internal partial class MessageStore(UserMessagesDb db) : IMessageStore
{
    /// <summary>The host's context seen through the package's sets.</summary>
    protected UserMessagesDb Db { get; } = db;

    /// <summary>The host's context.</summary>
    protected DbContext Context => Db.Context;

    /// <summary>The versions of the pages the store's writes change (nothing while kept pages are off).</summary>
    public PageVersions Versions { get; init; } = new(db, on: false);

    public Task<OpenConnection> OpenAsync(CancellationToken cancellationToken) => Db.OpenAsync(cancellationToken);

    public Task<(int Unread, long Version)?> ReadCounterAsync(string userId, CancellationToken cancellationToken)
        => CompiledQueries.For(Context).CounterAsync(Context, userId, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, as <see cref="StoreTransactions.RunAsync"/> says.</summary>
    protected Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
        => StoreTransactions.RunAsync(Context, work, cancellationToken);

    /// <summary>Stops tracking the package's entities (the host's own stay tracked).</summary>
    protected void DetachMessagingEntities() => StoreTransactions.DetachMessagingEntities(Context);

    /// <summary>
    /// Keeps a thread's order the order its messages were stored in, whatever the number of writers (SPEC §3.9):
    /// locks the thread's row for the transaction and returns a time for the next message no earlier than its latest.
    /// </summary>
    protected async Task<DateTime> StampAsync(long threadId, DateTime now, CancellationToken cancellationToken)
    {
        await Db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        var latest = await Db.Messages.Where(m => m.ThreadId == threadId).MaxAsync(m => (DateTime?)m.SentAt, cancellationToken);
        return latest > now ? latest.Value : now;
    }
}
