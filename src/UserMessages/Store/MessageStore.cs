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

    public Task<OpenConnection> OpenAsync(CancellationToken cancellationToken) => Db.OpenAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (joining the caller's, if any), retried as the
    /// provider's execution strategy says and, when the database chose it as a deadlock victim, by the
    /// store itself; on SQLite, after this process's other writers (<see cref="SqliteWriteQueue"/>).
    /// </summary>
    protected async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var database = Context.Database;
        if (database.CurrentTransaction is not null)
        {
            return await work();
        }

        return await DeadlockRetry.RunAsync(() => database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // A retried attempt starts from scratch; the host's own tracked entities are left alone.
            DetachMessagingEntities();
            using var turn = await SqliteWriteQueue.WaitAsync(database, ct);
            await using var transaction = await BeginAsync(database, ct);
            var result = await work();
            await transaction.CommitAsync(ct);
            DetachMessagingEntities();
            return result;
        }, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Read committed where the provider offers a choice, so that InnoDB (MySQL, MariaDB) takes no gap
    /// locks for the rows a write looks for and does not find, such as a counter not yet created.
    /// </summary>
    private static Task<IDbContextTransaction> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
        => database.ProviderName == DatabaseProviders.Sqlite
            ? database.BeginTransactionAsync(cancellationToken)
            : database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>Stops tracking the package's entities (the host's own stay tracked).</summary>
    protected void DetachMessagingEntities()
    {
        foreach (var entry in Context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is MessageThread or Message or ThreadParticipant or UserBlock or MessagingPreferences or PendingNotification or MailboxCounter)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

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
