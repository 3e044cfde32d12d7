using System.Globalization;
using System.Text;

namespace UserMessages.LiveLoad;

/// <summary>Samples every few seconds the load average, each instance's RSS and CPU, PostgreSQL's and Redis's CPU, and the tool's own.</summary>
internal sealed class Sampler(LoadOptions options, Func<double> now, string extraName, Func<string> extra)
{
    private readonly StringBuilder lines = new();
    private readonly List<(double At, double[] RssMb)> rss = [];

    /// <summary>The RSS samples taken (ms since the recorder started, MB per instance).</summary>
    public IReadOnlyList<(double At, double[] RssMb)> Rss => rss;

    public string Header => "t_s\tload1\tload5\tload15\t" + string.Join('\t', options.Instances.Select((_, i) => $"rss_mb_{i}\tcpu_{i}"))
        + "\tcpu_postgres\tcpu_redis\tcpu_tool\t" + extraName;

    /// <summary>CPU time (ticks) of the instances, PostgreSQL, Redis and the tool now.</summary>
    public long[] CpuTicks()
    {
        var ticks = options.AppPids.Select(pid => ProcStats.Ticks(pid)).ToList();
        ticks.Add(ProcStats.PostgresTicks(options.PostgresPidFile));
        ticks.Add(ProcStats.MainPid(options.RedisPidFile) is { } redis ? ProcStats.Ticks(redis) : 0);
        ticks.Add((long)(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds * ProcStats.TicksPerSecond));
        return [.. ticks];
    }

    /// <summary>RSS of each instance in MB now.</summary>
    public double[] RssNow() => options.AppPids.Select(ProcStats.RssMb).ToArray();

    public async Task RunAsync(string path, CancellationToken cancellationToken)
    {
        lines.AppendLine(Header);
        var last = CpuTicks();
        var lastAt = now();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SampleEvery));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var ticks = CpuTicks();
                var at = now();
                var seconds = (at - lastAt) / 1000;
                var cores = ticks.Zip(last, (a, b) => Math.Max(0, a - b) / ProcStats.TicksPerSecond / seconds).ToArray();
                var memory = RssNow();
                rss.Add((at, memory));
                var load = ProcStats.LoadAverage().Replace(' ', '\t');
                var row = new StringBuilder().Append(Stats.F(at / 1000)).Append('\t').Append(load);
                for (var i = 0; i < memory.Length; i++)
                {
                    row.Append('\t').Append(Stats.F(memory[i])).Append('\t').Append(cores[i].ToString("0.00", CultureInfo.InvariantCulture));
                }

                for (var i = memory.Length; i < cores.Length; i++)
                {
                    row.Append('\t').Append(cores[i].ToString("0.00", CultureInfo.InvariantCulture));
                }

                lines.AppendLine(row.Append('\t').Append(extra()).ToString());
                (last, lastAt) = (ticks, at);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await File.WriteAllTextAsync(path, lines.ToString(), CancellationToken.None);
    }
}
