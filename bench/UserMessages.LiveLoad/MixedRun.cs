using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace UserMessages.LiveLoad;

/// <summary>
/// The sustained mixed load (issue 23, item 4): requests at a steady rate by many signed-in users over the instances, the reads (inbox
/// page, thread page, JSON inbox, in equal shares) with the session cookie of the login form, the replies through the API with a bearer
/// token; each instance's RSS sampled as the run goes.
/// </summary>
internal sealed class MixedRun(LoadOptions options, HttpClient http, TextWriter log)
{
    private static readonly string[] Reads = ["inbox", "thread", "json-inbox"];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        log.WriteLine($"liveload: signing in {options.Users} users (login form cookie and bearer token each) and reading their inboxes");
        var (users, _) = await SignIn.PrepareAsync(http, options, cookies: true, needIds: false, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double Now() => clock.Elapsed.TotalMilliseconds;
        var requests = new ConcurrentQueue<TimedRequest>();
        var sampler = new Sampler(options, Now, "requests", () => requests.Count.ToString(CultureInfo.InvariantCulture));
        var load = new HttpLoad(http, options.Instances, Now);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = sampler.RunAsync(Path.Combine(options.Results, "samples.tsv"), stop.Token);
        var measureStart = options.Warmup * 1000.0;
        var total = (long)((options.Warmup + options.Duration) * options.Rate);
        var pending = new List<Task>();
        using var inFlight = new SemaphoreSlim(options.MaxInFlight);
        long skipped = 0;
        long skippedMeasured = 0;
        long[] cpuStart = [];
        var loadAverageStart = "";
        log.WriteLine($"liveload: {options.Rate} requests/s ({options.ReadShare} % reads) for {options.Warmup} s of warm-up and {options.Duration} s measured");
        for (long k = 0; k < total; k++)
        {
            if (k == (long)(options.Warmup * options.Rate))
            {
                cpuStart = sampler.CpuTicks();
                loadAverageStart = ProcStats.LoadAverage();
            }

            var wait = k * 1000 / options.Rate - Now();
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
            }

            if (!inFlight.Wait(0))
            {
                skipped++;
                skippedMeasured += Now() >= measureStart ? 1 : 0;
                continue;
            }

            var user = users[Random.Shared.Next(users.Count)];
            var thread = user.Threads[Random.Shared.Next(user.Threads.Count)];
            var instance = load.Pick(Random.Shared.Next(options.Instances.Count));
            if (Random.Shared.Next(100) < options.ReadShare)
            {
                var kind = Reads[Random.Shared.Next(Reads.Length)];
                var request = new TimedRequest(kind, Now(), instance);
                requests.Enqueue(request);
                var path = kind switch { "inbox" => "/messages", "thread" => $"/messages/thread/{thread}", _ => "/messages/api/folders/inbox" };
                pending.Add(load.GetAsync(request, path, token: null, user.Cookie).ContinueWith(_ => inFlight.Release(), TaskScheduler.Default));
            }
            else
            {
                var request = new TimedRequest("reply", Now(), instance) { ThreadId = thread };
                requests.Enqueue(request);
                pending.Add(load.ReplyAsync(request, user.Token, $"Mixed load reply {k.ToString(CultureInfo.InvariantCulture)}.").ContinueWith(_ => inFlight.Release(), TaskScheduler.Default));
            }
        }

        var cpuEnd = sampler.CpuTicks();
        var seconds = (Now() - measureStart) / 1000;
        var loadAverageEnd = ProcStats.LoadAverage();
        await Task.WhenAll(pending);
        await stop.CancelAsync();
        await sampling;

        var measured = requests.Where(r => r.Start >= measureStart).ToList();
        var byKind = measured.GroupBy(r => r.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (object)new Dictionary<string, object>
        {
            ["count"] = g.Count(),
            ["non_2xx_or_failed"] = g.Count(r => !r.Ok),
            ["statuses"] = g.GroupBy(r => r.Status.ToString(CultureInfo.InvariantCulture)).ToDictionary(s => s.Key, s => s.Count()),
            ["duration"] = Stats.Summary(g.Select(r => r.Duration)),
            ["first_errors"] = g.Where(r => r.Error is not null).Select(r => $"{r.Status} {r.Error}").Distinct().Take(5).ToArray(),
        });
        var afterWarmup = sampler.Rss.Where(s => s.At >= measureStart).ToList();
        var names = options.Instances.Select((_, i) => $"instance_{i}").Concat(["postgres", "redis", "tool"]).ToArray();
        var summary = new Dictionary<string, object>
        {
            ["mode"] = "mixed",
            ["settings"] = new Dictionary<string, object>
            {
                ["instances"] = options.Instances,
                ["users"] = users.Count,
                ["requests_per_s"] = options.Rate,
                ["read_share_percent"] = options.ReadShare,
                ["duration_s"] = options.Duration,
                ["warmup_s"] = options.Warmup,
                ["sample_every_s"] = options.SampleEvery,
            },
            ["load_average_start"] = loadAverageStart,
            ["load_average_end"] = loadAverageEnd,
            ["requests"] = measured.Count,
            ["achieved_per_s"] = Math.Round(measured.Count / seconds, 1),
            ["non_2xx_or_failed"] = measured.Count(r => !r.Ok),
            ["max_in_flight"] = options.MaxInFlight,
            ["not_sent_in_flight_limit"] = skippedMeasured,
            ["not_sent_in_flight_limit_with_warmup"] = skipped,
            ["by_kind"] = byKind,
            ["rss_mb_samples"] = sampler.Rss.Select(s => new { t_s = Math.Round(s.At / 1000), rss_mb = s.RssMb.Select(Stats.Round).ToArray() }).ToArray(),
            ["rss_growth_after_warmup_percent"] = options.AppPids.Select((_, i) => afterWarmup.Count < 2 || afterWarmup[0].RssMb[i] == 0 ? -1
                : Math.Round((afterWarmup.Max(s => s.RssMb[i]) - afterWarmup[0].RssMb[i]) * 100 / afterWarmup[0].RssMb[i], 1)).ToArray(),
            ["cpu_cores"] = names.Select((name, i) => (name, i)).Where(x => x.i < cpuStart.Length)
                .ToDictionary(x => x.name, x => Math.Round(Math.Max(0, cpuEnd[x.i] - cpuStart[x.i]) / ProcStats.TicksPerSecond / seconds, 3)),
        };
        var json = JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(Path.Combine(options.Results, "summary.json"), json, cancellationToken);
        log.WriteLine("liveload: summary (also in summary.json; RSS and CPU every sample in samples.tsv):");
        log.WriteLine(json);
        return 0;
    }
}
