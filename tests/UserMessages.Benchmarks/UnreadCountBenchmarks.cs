using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Dapper;
using Microsoft.Data.Sqlite;
using UserMessages.Benchmarks.Infrastructure;
using UserMessages.Seeding;
using UserMessages.Services;

namespace UserMessages.Benchmarks;

/// <summary>
/// The unread badge on every page: the library's counter read (in a request of its own, and in one
/// whose context is open already), the same read by hand, and, for comparison, the count over the
/// participant rows that the counter replaced.
/// </summary>
/// <remarks>
/// Two groups, each with its own baseline. "Own connection": every call opens a connection, the
/// library's through EF Core (whose SQLite provider gives each open seven functions and four
/// aggregates, about 10 µs), the baseline's a bare <c>SqliteConnection</c> (about 1 µs); that is
/// the JSON unread-count endpoint. "Open connection": both read on a connection that is open
/// already, the library's held by its request as <c>MapUserMessages</c>'s endpoints hold it; that
/// is the badge on a page, and the read itself.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ReadConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class UnreadCountBenchmarks : ReadBenchmarks
{
    private const string OwnConnection = "Own connection";

    private const string OpenConnection = "Open connection";

    private const string CounterSql = "SELECT UnreadThreads FROM UserMessagesMailboxCounters WHERE UserId = @User";

    private SqliteConnection openConnection = null!;

    [Params(10, 1_000, 10_000)]
    public int ThreadsPerUser { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await OpenAsync(new SeedSize(BenchmarkDatabase.Users, ThreadsPerUser, 10));
        openConnection = await Db.OpenConnectionAsync();
        Same.Check([await Library()], [await RawSql()], "unread count");
        Same.Check([await LibraryOnOpenConnection()], [await RawSqlOnOpenConnection()], "unread count on an open connection");
        Same.Check([await Library()], [await RawSqlCountingRows()], "unread count over the rows");
    }

    protected override Task CloseAsync() => openConnection.DisposeAsync().AsTask();

    [Benchmark]
    [BenchmarkCategory(OwnConnection)]
    public Task<int> Library() => InNewScopeAsync(messages => messages.CountUnreadAsync(Db.Ids.User1));

    /// <summary>The call in a request whose scope exists already: what it adds, its own open of the connection included.</summary>
    [Benchmark]
    [BenchmarkCategory(OwnConnection)]
    public Task<int> LibraryOnOpenContext() => InOpenScopeAsync(messages => messages.CountUnreadAsync(Db.Ids.User1));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(OwnConnection)]
    public async Task<int> RawSql()
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<int>(CounterSql, new { User = Db.Ids.User1 });
    }

    [Benchmark]
    [BenchmarkCategory(OwnConnection)]
    public async Task<int> RawSqlCountingRows()
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM UserMessagesParticipants WHERE UserId = @User AND State = 0 AND IsUnread = 1", new { User = Db.Ids.User1 });
    }

    /// <summary>The badge on a page: the request holds its connection open.</summary>
    [Benchmark]
    [BenchmarkCategory(OpenConnection)]
    public Task<int> LibraryOnOpenConnection() => OnOpenConnectionAsync(messages => messages.CountUnreadAsync(Db.Ids.User1));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(OpenConnection)]
    public Task<int> RawSqlOnOpenConnection()
        => openConnection.QuerySingleOrDefaultAsync<int>(CounterSql, new { User = Db.Ids.User1 });
}
