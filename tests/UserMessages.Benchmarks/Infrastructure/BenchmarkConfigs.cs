using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>
/// Reads: a short job (5 warm-up and 10 measured iterations of about a quarter second each) so the
/// whole suite stays within about a quarter of an hour on two cores.
/// </summary>
public sealed class ReadConfig : ManualConfig
{
    public ReadConfig()
    {
        AddColumn(StatisticColumn.Median);
        AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("Reads"));
    }
}

/// <summary>
/// Writes: a fixed number of sends or replies per iteration, after which <c>[IterationCleanup]</c>
/// takes the database back to its seeded state, so it never grows from one iteration to the next.
/// Three processes each: one process's compiled code for the long write path can be a quarter
/// slower or faster than another's (the same build measured a library reply at 500 µs in one
/// process and 350 µs in the next), so one process per figure made the ratios a lottery.
/// </summary>
public sealed class WriteConfig : ManualConfig
{
    public const int WritesPerIteration = 32;

    public WriteConfig()
    {
        AddColumn(StatisticColumn.Median);
        AddJob(Job.Default.WithLaunchCount(3).WithWarmupCount(5).WithIterationCount(10).WithInvocationCount(WritesPerIteration).WithUnrollFactor(1).WithId("Writes"));
    }
}
