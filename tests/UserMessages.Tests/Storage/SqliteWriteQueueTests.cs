using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Storage;

/// <summary>
/// Issue 5: on a SQLite file, the package's write transactions wait their turn in the process
/// instead of meeting a busy database (where Microsoft.Data.Sqlite sleeps 150 ms before it tries
/// again): many replies at once all succeed, and no write transaction begins while another is open.
/// </summary>
public sealed class SqliteWriteQueueTests : IAsyncLifetime
{
    private readonly TransactionOverlap overlap = new();
    private TestHost<TestDbContext> host = null!;

    public async Task InitializeAsync()
        => host = await new TestHostBuilder()
            .UseSqliteFile()
            .AddInterceptors(overlap)
            .AddIdentity<IdentityUser, string>()
            .ConfigureOptions(o =>
            {
                o.Limits.MessagesPerMinute = 0;
                o.Limits.MessagesPerDay = 0;
            })
            .StartAsync<TestDbContext>();

    [Fact]
    public async Task FortyRepliesAtOnce_AllSucceed_AndNoWriteTransactionOverlapsAnother()
    {
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var started = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Busy", "Start")));
        var threadId = started.Value!.ThreadId;
        overlap.Reset();

        var replies = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            host.WithServiceAsync(s => s.ReplyAsync(i % 2 == 0 ? alice : bob, threadId, $"Reply {i}"))));
        var results = await Task.WhenAll(replies);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Status.ToString()));
        Assert.Equal(40, overlap.Committed);
        Assert.Equal(1, overlap.MostOpenAtOnce);
        var page = await host.WithServiceAsync(s => s.GetThreadAsync(bob, threadId, PageRequest.Newest));
        Assert.Equal(41, await host.WithDbAsync(db => db.Set<Message>().CountAsync(m => m.ThreadId == threadId)));
        Assert.Equal(41, page.Value!.Messages.Count);
        Assert.Equal("Start", page.Value.Messages[0].Content);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Counts the transactions open at once, from the moment one asks to begin until it ends.</summary>
    private sealed class TransactionOverlap : DbTransactionInterceptor
    {
        private int open;
        private int most;
        private int committed;

        public int MostOpenAtOnce => Volatile.Read(ref most);

        public int Committed => Volatile.Read(ref committed);

        public void Reset()
        {
            Volatile.Write(ref most, 0);
            Volatile.Write(ref committed, 0);
        }

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref open);
            int seen;
            while (now > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, now, seen) != seen)
            {
            }

            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref committed);
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }
    }
}
