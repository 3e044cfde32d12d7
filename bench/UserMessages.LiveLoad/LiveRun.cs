using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace UserMessages.LiveLoad;

/// <summary>
/// The live run (issue 23, items 3 and 5): every user connected over WebSockets, replies at a steady rate through the API, and for each
/// delivery the time from the start of the POST to the <c>messageSent</c> event; optionally a fault (a shell command) part-way.
/// </summary>
internal sealed class LiveRun(LoadOptions options, HttpClient http, TextWriter log)
{
    private readonly LiveRecorder recorder = new();
    private readonly ConcurrentQueue<TimedRequest> requests = new();
    private List<LiveClient> clients = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var n = options.Instances.Count;
        log.WriteLine($"liveload: signing in {options.Users} users (bearer tokens) and reading their inboxes");
        var (users, threads) = await SignIn.PrepareAsync(http, options, cookies: false, needIds: true, cancellationToken);
        var threadIds = threads.Keys.Order().ToArray();
        log.WriteLine($"liveload: {users.Count} users, {threadIds.Length} two-person threads between them");

        var sampler = new Sampler(options, () => recorder.Now, "connected", () => clients.Count(c => c.Connected).ToString(CultureInfo.InvariantCulture));
        var rssBefore = sampler.RssNow();
        var postgresBefore = ProcStats.PostgresPssMb(options.PostgresPidFile);
        clients = users.Select(u => new LiveClient(u, options.Instances, recorder, options.CatchUp)).ToList();
        var connectWatch = Stopwatch.StartNew();
        var connectFailures = 0;
        var connected = 0;
        string? firstConnectError = null;
        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (client, ct) =>
        {
            // Three attempts of at most 20 s each; a user who cannot connect stays out (counted), the run goes on with the others.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(20));
                try
                {
                    await client.ConnectAsync(client.User.Index % n, timeout.Token);
                    if (Interlocked.Increment(ref connected) % 100 == 0)
                    {
                        log.WriteLine($"liveload: {connected} connected after {connectWatch.Elapsed.TotalSeconds:0.0} s");
                    }

                    return;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or TimeoutException or OperationCanceledException)
                {
                    Interlocked.Increment(ref connectFailures);
                    firstConnectError ??= e.GetType().Name + ": " + e.Message;
                }
            }
        });
        var connectSeconds = connectWatch.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var rssConnected = sampler.RssNow();
        var postgresConnected = ProcStats.PostgresPssMb(options.PostgresPidFile);
        var perInstance = Enumerable.Range(0, n).Select(i => clients.Count(c => c.Connected && c.Instance == i)).ToArray();
        log.WriteLine($"liveload: {perInstance.Sum()} connections open ({string.Join(" + ", perInstance)}) in {connectSeconds:0.0} s; {connectFailures} attempts failed"
            + (firstConnectError is null ? "" : $" (first: {firstConnectError})"));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = sampler.RunAsync(Path.Combine(options.Results, "samples.tsv"), stop.Token);
        var catchingUp = options.CatchUp ? CatchUpLoopAsync(stop.Token) : Task.CompletedTask;
        var load = new HttpLoad(http, options.Instances, () => recorder.Now);
        var loadStart = recorder.Now;
        var measureStart = loadStart + options.Warmup * 1000.0;
        var measureEnd = measureStart + options.Duration * 1000.0;
        var loadAverageStart = "";
        long[] cpuStart = [];
        var fault = RunFaultAsync(measureStart + options.FaultAt * 1000.0, cancellationToken);
        var probes = options.ProbeRate > 0 ? ProbeAsync(load, users, loadStart, measureEnd, cancellationToken) : Task.FromResult(new List<Task>());

        log.WriteLine($"liveload: sending {options.Rate}/s for {options.Warmup} s of warm-up and {options.Duration} s measured");
        var sends = new List<Task>();
        var total = (long)((options.Warmup + options.Duration) * options.Rate);
        var warmupSends = (long)(options.Warmup * options.Rate);
        for (long k = 0; k < total; k++)
        {
            if (k == warmupSends)
            {
                cpuStart = sampler.CpuTicks();
                loadAverageStart = ProcStats.LoadAverage();
            }

            var wait = loadStart + k * 1000 / options.Rate - recorder.Now;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
            }

            var threadId = threadIds[Random.Shared.Next(threadIds.Length)];
            var members = threads[threadId];
            var sender = members[Random.Shared.Next(members.Length)];
            var request = new TimedRequest("reply", recorder.Now, load.Pick(k))
            {
                ThreadId = threadId,
                Participants = members,
                ConnectedAtStart = members.Select(m => clients[m].Connected).ToArray(),
                InstanceAtStart = members.Select(m => clients[m].Instance).ToArray(),
            };
            requests.Enqueue(request);
            sends.Add(load.ReplyAsync(request, users[sender].Token, $"Live load message {k.ToString(CultureInfo.InvariantCulture)} of the run."));
        }

        if (cpuStart.Length == 0)
        {
            cpuStart = sampler.CpuTicks();
            loadAverageStart = ProcStats.LoadAverage();
        }

        var cpuEnd = sampler.CpuTicks();
        var cpuSeconds = (recorder.Now - Math.Max(measureStart, loadStart)) / 1000;
        var loadAverageEnd = ProcStats.LoadAverage();
        await Task.WhenAll(sends);
        await Task.WhenAll(await probes);
        var (faultStart, faultEnd) = await fault;
        var sendsDone = recorder.Now;
        log.WriteLine($"liveload: every send answered; waiting {options.Grace} s for late events");
        await Task.Delay(TimeSpan.FromSeconds(options.Grace), cancellationToken);
        var rssAfter = sampler.RssNow();
        await stop.CancelAsync();
        await sampling;
        await catchingUp;
        var arrivals = recorder.Arrivals.ToDictionary(a => a.Key, a => a.Value.ToArray());
        await Task.WhenAll(clients.Select(c => c.StopAsync()));

        var report = new LiveReport(options, requests.ToList(), arrivals, recorder.Outages.ToList(), recorder.States.ToList(), measureStart, measureEnd);
        var summary = report.Summarize(faultStart, faultEnd);
        summary["load_average_start"] = loadAverageStart;
        summary["load_average_end"] = loadAverageEnd;
        summary["users"] = users.Count;
        summary["threads"] = threadIds.Length;
        summary["connections"] = new Dictionary<string, object>
        {
            ["open"] = perInstance.Sum(),
            ["per_instance"] = perInstance,
            ["seconds_to_connect_all"] = Math.Round(connectSeconds, 1),
            ["failed_attempts"] = connectFailures,
            ["users_not_connected"] = clients.Count - perInstance.Sum(),
            ["first_error"] = firstConnectError ?? "",
        };
        var memory = Memory(rssBefore, rssConnected, rssAfter, perInstance);
        memory["postgres_pss_mb_before_connecting"] = Math.Round(postgresBefore, 1);
        memory["postgres_pss_mb_connected"] = Math.Round(postgresConnected, 1);
        memory["postgres_kb_per_connection"] = perInstance.Sum() == 0 ? -1 : Math.Round((postgresConnected - postgresBefore) * 1024 / perInstance.Sum(), 1);
        summary["memory"] = memory;
        summary["cpu"] = Cpu(cpuStart, cpuEnd, cpuSeconds, report.MeasuredSends);
        summary["catch_up_state_failures"] = recorder.StateFailures;
        summary["catch_up_first_error"] = recorder.FirstStateError ?? "";
        summary["seconds_from_last_send_answer"] = Math.Round((sendsDone - measureEnd) / 1000, 1);
        await report.WriteAsync(summary, faultStart);
        report.Print(summary, log);
        return 0;
    }

    private Dictionary<string, object> Memory(double[] before, double[] connected, double[] after, int[] perInstance)
        => new()
        {
            ["rss_mb_before_connecting"] = before.Select(Stats.Round).ToArray(),
            ["rss_mb_connected"] = connected.Select(Stats.Round).ToArray(),
            ["rss_mb_after_run"] = after.Select(Stats.Round).ToArray(),
            ["kb_per_connection"] = before.Select((b, i) => perInstance[i] == 0 ? -1 : Math.Round((connected[i] - b) * 1024 / perInstance[i], 1)).ToArray(),
        };

    private Dictionary<string, object> Cpu(long[] start, long[] end, double seconds, int sends)
    {
        var names = options.Instances.Select((_, i) => $"instance_{i}").Concat(["postgres", "redis", "tool"]).ToArray();
        var cores = new Dictionary<string, object>();
        var perMessage = new Dictionary<string, object>();
        for (var i = 0; i < names.Length && i < start.Length; i++)
        {
            var used = Math.Max(0, end[i] - start[i]) / ProcStats.TicksPerSecond;
            cores[names[i]] = Math.Round(used / seconds, 3);
            perMessage[names[i]] = sends == 0 ? -1 : Math.Round(used * 1000 / sends, 3);
        }

        return new() { ["seconds"] = Math.Round(seconds, 1), ["cores"] = cores, ["cpu_ms_per_message"] = perMessage };
    }

    /// <summary>Runs the fault command at <paramref name="at"/> (ms) and returns when it started and ended (-1, -1 without one).</summary>
    private async Task<(double Start, double End)> RunFaultAsync(double at, CancellationToken cancellationToken)
    {
        if (options.FaultCommand is not { Length: > 0 } command)
        {
            return (-1, -1);
        }

        var wait = at - recorder.Now;
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
        }

        var start = recorder.Now;
        log.WriteLine($"liveload: fault {options.FaultName}: {command}");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var end = recorder.Now;
        var text = new StringBuilder().Append(await output).Append(await errors).ToString();
        await File.WriteAllTextAsync(Path.Combine(options.Results, "fault.log"), text, cancellationToken);
        log.WriteLine($"liveload: fault {options.FaultName} done after {(end - start) / 1000:0.0} s (exit {process.ExitCode})");
        return (start, end);
    }

    /// <summary>Reads of the JSON inbox at the probe rate, by random users, over the instances in turn.</summary>
    private async Task<List<Task>> ProbeAsync(HttpLoad load, List<SeededUser> users, double from, double until, CancellationToken cancellationToken)
    {
        var reads = new List<Task>();
        for (long k = 0; from + k * 1000 / options.ProbeRate < until; k++)
        {
            var wait = from + k * 1000 / options.ProbeRate - recorder.Now;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
            }

            var user = users[Random.Shared.Next(users.Count)];
            var request = new TimedRequest("read", recorder.Now, load.Pick(k));
            requests.Enqueue(request);
            reads.Add(load.GetAsync(request, "/messages/api/folders/inbox", user.Token, cookie: null));
        }

        return reads;
    }

    /// <summary>Each client asks for its threads' state every 30 s, a thirtieth of them each second.</summary>
    private async Task CatchUpLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            for (var second = 0; await timer.WaitForNextTickAsync(cancellationToken); second++)
            {
                await Task.WhenAll(clients.Where(c => c.User.Index % 30 == second % 30).Select(c => c.CatchUpAsync()));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
