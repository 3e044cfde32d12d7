using BenchmarkDotNet.Attributes;
using Dapper;
using UserMessages.Benchmarks.Infrastructure;
using UserMessages.Sample.Seeding;
using UserMessages.Services;

namespace UserMessages.Benchmarks;

/// <summary>
/// The unread badge on every page: the library's counter read (in a request of its own, and in one
/// whose context is open already), the same read by hand, and, for comparison, the count over the
/// participant rows that the counter replaced.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ReadConfig))]
public class UnreadCountBenchmarks : ReadBenchmarks
{
    [Params(10, 1_000, 10_000)]
    public int ThreadsPerUser { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await OpenAsync(new SeedSize(BenchmarkDatabase.Users, ThreadsPerUser, 10));
        Same.Check([await Library()], [await RawSql()], "unread count");
        Same.Check([await Library()], [await RawSqlCountingRows()], "unread count over the rows");
    }

    [Benchmark]
    public Task<int> Library() => InNewScopeAsync(messages => messages.CountUnreadAsync(Db.Ids.User1));

    /// <summary>The badge on a page whose request has already opened its context (the usual case on the messaging pages).</summary>
    [Benchmark]
    public Task<int> LibraryOnOpenContext() => InOpenScopeAsync(messages => messages.CountUnreadAsync(Db.Ids.User1));

    [Benchmark(Baseline = true)]
    public async Task<int> RawSql()
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<int>("SELECT UnreadThreads FROM UserMessagesMailboxCounters WHERE UserId = @User", new { User = Db.Ids.User1 });
    }

    [Benchmark]
    public async Task<int> RawSqlCountingRows()
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM UserMessagesParticipants WHERE UserId = @User AND State = 0 AND IsUnread = 1", new { User = Db.Ids.User1 });
    }
}
