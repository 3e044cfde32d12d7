using BenchmarkDotNet.Attributes;
using UserMessages.Seeding;

namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>
/// A send or a reply by user1 (who has 10, 1,000 or 10,000 threads) on a copy of the seeded
/// database, taken back to its seeded state after every iteration. Before measuring, the library
/// and the baseline each write once and must leave the same rows behind.
/// </summary>
public abstract class WriteBenchmarks
{
    private const int WarmUpRounds = 10;

    private const int WritesPerWarmUpRound = BenchmarkServices.SendingLimit / 4;

    [Params(10, 1_000, 10_000)]
    public int ThreadsPerUser { get; set; }

    protected BenchmarkDatabase Db { get; private set; } = null!;

    /// <summary>When "now" is for the baseline: whole microseconds, as the library keeps it.</summary>
    protected static DateTime Now()
    {
        var ticks = DateTime.UtcNow.Ticks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>Whether the sending limit is reached: its limit-th newest time (<see langword="null"/> when there are fewer) is within <paramref name="window"/> before <paramref name="now"/>.</summary>
    protected static bool Exceeded(DateTime? limitth, TimeSpan window, DateTime now)
        => limitth is { } oldest && DateTime.SpecifyKind(oldest, DateTimeKind.Utc) > now - window;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Db = await BenchmarkDatabase.OpenAsync(new SeedSize(BenchmarkDatabase.Users, ThreadsPerUser, 10), forWriting: true);
        await WriteWithLibraryAsync();
        var library = await SeededState.FingerprintAsync(Db);
        await SeededState.RestoreAsync(Db);
        await WriteWithRawSqlAsync();
        var baseline = await SeededState.FingerprintAsync(Db);
        await SeededState.RestoreAsync(Db);
        Same.Check(library, baseline, "rows written");
        await WarmUpAsync();
    }

    [IterationCleanup]
    public void Restore() => SeededState.RestoreAsync(Db).GetAwaiter().GetResult();

    [GlobalCleanup]
    public ValueTask CleanupAsync() => Db.DisposeAsync();

    /// <summary>
    /// A write runs a lot of code once, and .NET recompiles it optimized only after it has run for a
    /// while (tiered compilation): with 32 writes per iteration, BenchmarkDotNet's warm-up iterations
    /// ended long before that, and a library reply measured 2.9 ms where it takes 1.2 ms once
    /// compiled. So both sides write here first, in rounds that stay under the sending limits.
    /// </summary>
    private async Task WarmUpAsync()
    {
        for (var round = 0; round < WarmUpRounds; round++)
        {
            for (var i = 0; i < WritesPerWarmUpRound; i++)
            {
                await WriteWithLibraryAsync();
                await WriteWithRawSqlAsync();
            }

            await SeededState.RestoreAsync(Db);
        }
    }

    protected abstract Task WriteWithLibraryAsync();

    protected abstract Task WriteWithRawSqlAsync();
}
