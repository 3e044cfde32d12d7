using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>The one way the package's writes take a transaction: the store's and the feature folders' (moderation) alike.</summary>
internal static class StoreTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (joining the caller's, if any), retried as the
    /// provider's execution strategy says and, when the database chose it as a deadlock victim, by the
    /// store itself; on SQLite, after this process's other writers (<see cref="SqliteWriteQueue"/>).
    /// </summary>
    public static async Task<T> RunAsync<T>(DbContext context, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var database = context.Database;
        if (database.CurrentTransaction is not null)
        {
            return await work();
        }

        return await DeadlockRetry.RunAsync(() => database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // A retried attempt starts from scratch; the host's own tracked entities are left alone.
            DetachMessagingEntities(context);
            using var turn = await SqliteWriteQueue.WaitAsync(database, ct);
            await using var transaction = await BeginAsync(database, ct);
            var result = await work();
            await transaction.CommitAsync(ct);
            DetachMessagingEntities(context);
            return result;
        }, cancellationToken), cancellationToken);
    }

    /// <summary>Stops tracking the package's entities (the host's own stay tracked).</summary>
    public static void DetachMessagingEntities(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Metadata.ClrType.Namespace == typeof(MessageThread).Namespace)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Read committed where the provider offers a choice, so that InnoDB (MySQL, MariaDB) takes no gap
    /// locks for the rows a write looks for and does not find, such as a counter not yet created.
    /// </summary>
    private static Task<IDbContextTransaction> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
        => database.ProviderName == DatabaseProviders.Sqlite
            ? database.BeginTransactionAsync(cancellationToken)
            : database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
}
