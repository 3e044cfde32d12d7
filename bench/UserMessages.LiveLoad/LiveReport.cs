using System.Globalization;
using System.Text;
using System.Text.Json;

namespace UserMessages.LiveLoad;

/// <summary>One expected or possible delivery: a send, one of its thread's people, and when the event reached them (NaN when never).</summary>
internal readonly record struct Delivery(TimedRequest Send, int User, bool ConnectedAtStart, bool Local, double Latency)
{
    public bool Arrived => !double.IsNaN(Latency);
}

/// <summary>Works out the live run's figures from what was recorded, writes summary.json and seconds.tsv, and prints the summary.</summary>
internal sealed class LiveReport(
    LoadOptions options, List<TimedRequest> requests, Dictionary<long, Arrival[]> arrivals, List<Outage> outages, List<StateSeen> states, double measureStart, double measureEnd)
{
    private readonly List<TimedRequest> measured = requests.Where(r => r.Start >= measureStart).OrderBy(r => r.Start).ToList();
    private List<Delivery> deliveries = [];

    public int MeasuredSends => measured.Count(r => r.Kind == "reply");

    public Dictionary<string, object> Summarize(double faultStart, double faultEnd)
    {
        deliveries = measured.Where(r => r.Kind == "reply" && r.MessageId > 0).SelectMany(Deliveries).ToList();
        var sends = measured.Where(r => r.Kind == "reply").ToList();
        var expected = deliveries.Where(d => d.ConnectedAtStart).ToList();
        var known = requests.Where(r => r.MessageId > 0).ToDictionary(r => r.MessageId);
        var unexpected = arrivals.Sum(a => known.TryGetValue(a.Key, out var send) ? a.Value.Count(x => !send.Participants.Contains(x.User)) : 0);
        var unanswered = arrivals.Where(a => !known.ContainsKey(a.Key)).Sum(a => a.Value.Length);
        var duplicates = arrivals.Sum(a => a.Value.Length - a.Value.Select(x => x.User).Distinct().Count());

        var summary = new Dictionary<string, object>
        {
            ["mode"] = "live",
            ["fault"] = options.FaultName,
            ["settings"] = new Dictionary<string, object>
            {
                ["instances"] = options.Instances,
                ["rate_per_s"] = options.Rate,
                ["duration_s"] = options.Duration,
                ["warmup_s"] = options.Warmup,
                ["grace_s"] = options.Grace,
                ["fault_at_s"] = options.FaultAt,
                ["probe_reads_per_s"] = options.ProbeRate,
                ["catch_up"] = options.CatchUp,
            },
            ["sends"] = Requests(sends),
            ["reads"] = Requests(measured.Where(r => r.Kind == "read").ToList()),
            ["deliveries"] = new Dictionary<string, object>
            {
                ["expected"] = expected.Count,
                ["arrived"] = expected.Count(d => d.Arrived),
                ["lost"] = expected.Count(d => !d.Arrived),
                ["latency"] = Stats.Summary(expected.Where(d => d.Arrived).Select(d => d.Latency)),
                ["latency_same_instance"] = Stats.Summary(expected.Where(d => d.Arrived && d.Local).Select(d => d.Latency)),
                ["latency_other_instance"] = Stats.Summary(expected.Where(d => d.Arrived && !d.Local).Select(d => d.Latency)),
                ["lost_same_instance"] = expected.Count(d => !d.Arrived && d.Local),
                ["lost_other_instance"] = expected.Count(d => !d.Arrived && !d.Local),
                ["not_connected_at_send"] = deliveries.Count(d => !d.ConnectedAtStart),
                ["not_connected_at_send_missed"] = deliveries.Count(d => !d.ConnectedAtStart && !d.Arrived),
                ["duplicates"] = duplicates,
                ["unexpected"] = unexpected,
                ["events_of_sends_without_an_answer"] = unanswered,
            },
            ["outages"] = Outages(faultStart),
            ["catch_up"] = CatchUp(),
        };
        if (faultStart >= 0)
        {
            summary["fault_window"] = Fault(faultStart, faultEnd);
        }

        return summary;
    }

    public async Task WriteAsync(Dictionary<string, object> summary, double faultStart)
    {
        await File.WriteAllTextAsync(Path.Combine(options.Results, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        var tsv = new StringBuilder("second\tsends\tsend_failed\tsend_p50_ms\tsend_p99_ms\tsend_max_ms\treads\tread_failed\tread_p50_ms\tread_max_ms\t"
            + "expected\tlost\tdelivery_p50_ms\tdelivery_p99_ms\tdelivery_max_ms\tclosed\treconnected\tfault\n");
        var last = (int)Math.Ceiling((measured.Count == 0 ? measureEnd : Math.Max(measureEnd, measured[^1].Start) - measureStart) / 1000);
        for (var second = 0; second < last; second++)
        {
            var from = measureStart + second * 1000.0;
            var to = from + 1000;
            var sends = measured.Where(r => r.Kind == "reply" && r.Start >= from && r.Start < to).ToList();
            var reads = measured.Where(r => r.Kind == "read" && r.Start >= from && r.Start < to).ToList();
            var sendTimes = sends.Select(r => r.Duration).Order().ToList();
            var readTimes = reads.Select(r => r.Duration).Order().ToList();
            var expected = deliveries.Where(d => d.ConnectedAtStart && d.Send.Start >= from && d.Send.Start < to).ToList();
            var latencies = expected.Where(d => d.Arrived).Select(d => d.Latency).Order().ToList();
            tsv.Append(CultureInfo.InvariantCulture, $"{second}\t{sends.Count}\t{sends.Count(r => !r.Ok)}\t{Stats.F(Stats.Percentile(sendTimes, 50))}\t{Stats.F(Stats.Percentile(sendTimes, 99))}\t")
                .Append(CultureInfo.InvariantCulture, $"{Stats.F(sendTimes.Count == 0 ? double.NaN : sendTimes[^1])}\t{reads.Count}\t{reads.Count(r => !r.Ok)}\t")
                .Append(CultureInfo.InvariantCulture, $"{Stats.F(Stats.Percentile(readTimes, 50))}\t{Stats.F(readTimes.Count == 0 ? double.NaN : readTimes[^1])}\t")
                .Append(CultureInfo.InvariantCulture, $"{expected.Count}\t{expected.Count(d => !d.Arrived)}\t{Stats.F(Stats.Percentile(latencies, 50))}\t{Stats.F(Stats.Percentile(latencies, 99))}\t")
                .Append(CultureInfo.InvariantCulture, $"{Stats.F(latencies.Count == 0 ? double.NaN : latencies[^1])}\t{outages.Count(o => o.ClosedAt >= from && o.ClosedAt < to)}\t")
                .Append(CultureInfo.InvariantCulture, $"{outages.Count(o => o.ReconnectedAt >= from && o.ReconnectedAt < to)}\t{(faultStart >= from && faultStart < to ? options.FaultName : "")}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(options.Results, "seconds.tsv"), tsv.ToString());
    }

    public void Print(Dictionary<string, object> summary, TextWriter log)
    {
        log.WriteLine("liveload: summary (also in summary.json; per second in seconds.tsv; every sample in samples.tsv):");
        log.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        var expected = deliveries.Where(d => d.ConnectedAtStart).ToList();
        var latencies = expected.Where(d => d.Arrived).Select(d => d.Latency).Order().ToList();
        var p99 = Stats.Percentile(latencies, 99);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"liveload: {MeasuredSends} sends, {expected.Count} expected deliveries: p50 {Stats.F(Stats.Percentile(latencies, 50))} ms, p99 {Stats.F(p99)} ms "
            + $"(goal < 250: {(p99 < 250 ? "met" : "not met")}), max {Stats.F(latencies.Count == 0 ? double.NaN : latencies[^1])} ms; "
            + $"lost {expected.Count(d => !d.Arrived)} (goal 0); load average {summary["load_average_start"]} at the start, {summary["load_average_end"]} at the end"));
    }

    private IEnumerable<Delivery> Deliveries(TimedRequest send)
    {
        var arrived = arrivals.TryGetValue(send.MessageId, out var a) ? a : [];
        for (var i = 0; i < send.Participants.Length; i++)
        {
            var user = send.Participants[i];
            var first = arrived.Where(x => x.User == user).Select(x => x.At).DefaultIfEmpty(double.NaN).Min();
            yield return new Delivery(send, user, send.ConnectedAtStart[i], send.InstanceAtStart[i] == send.Instance, first - send.Start);
        }
    }

    private static Dictionary<string, object> Requests(List<TimedRequest> list)
        => new()
        {
            ["count"] = list.Count,
            ["failed"] = list.Count(r => !r.Ok),
            ["statuses"] = list.GroupBy(r => r.Status.ToString(CultureInfo.InvariantCulture)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            ["failed_per_instance"] = list.GroupBy(r => r.Instance).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count(r => !r.Ok)),
            ["duration"] = Stats.Summary(list.Select(r => r.Duration)),
            ["first_errors"] = list.Where(r => r.Error is not null).Select(r => $"{r.Status} {r.Error}").Distinct().Take(5).ToArray(),
        };

    private Dictionary<string, object> Outages(double faultStart)
    {
        var since = faultStart >= 0 ? faultStart : measureStart;
        var back = outages.Where(o => o.ReconnectedAt >= 0).ToList();
        var missed = outages.Sum(o => deliveries.Count(d => d.User == o.User && !d.Arrived
            && d.Send.Start >= Math.Min(o.ClosedAt, since) && (o.ReconnectedAt < 0 || d.Send.Start <= o.ReconnectedAt)));
        return new()
        {
            ["closed"] = outages.Count,
            ["reconnected"] = back.Count,
            ["reasons"] = outages.GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count()),
            ["moved_to_instance"] = back.GroupBy(o => o.ToInstance.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()),
            ["closed_to_reconnected"] = Stats.Summary(back.Select(o => o.ReconnectedAt - o.ClosedAt)),
            ["fault_to_reconnected"] = Stats.Summary(back.Select(o => o.ReconnectedAt - since)),
            ["events_missed_by_these_clients"] = missed,
        };
    }

    /// <summary>Of the events lost or missed, how many a client that asks <c>State</c> after a reconnect and every 30 s learns of, and how late.</summary>
    private Dictionary<string, object> CatchUp()
    {
        var byThread = states.GroupBy(s => (s.User, s.ThreadId)).ToDictionary(g => g.Key, g => g.OrderBy(s => s.At).ToList());
        var missing = deliveries.Where(d => !d.Arrived).ToList();
        var delays = new List<double>();
        foreach (var d in missing)
        {
            if (byThread.TryGetValue((d.User, d.Send.ThreadId), out var seen)
                && seen.FirstOrDefault(s => s.At > d.Send.Start && s.LatestMessageId >= d.Send.MessageId) is { At: > 0 } found)
            {
                delays.Add(found.At - d.Send.Start);
            }
        }

        return new()
        {
            ["state_answers"] = states.Count,
            ["not_arrived"] = missing.Count,
            ["learnt_through_state"] = delays.Count,
            ["learnt_after"] = Stats.Summary(delays),
        };
    }

    private Dictionary<string, object> Fault(double start, double end)
    {
        Dictionary<string, object> Window(double from, double to)
        {
            var inside = measured.Where(r => r.Start >= from && r.Start < to).ToList();
            var expected = deliveries.Where(d => d.ConnectedAtStart && d.Send.Start >= from && d.Send.Start < to).ToList();
            return new()
            {
                ["from_s"] = Math.Round((from - start) / 1000, 1),
                ["to_s"] = Math.Round((to - start) / 1000, 1),
                ["sends"] = Requests(inside.Where(r => r.Kind == "reply").ToList()),
                ["reads"] = Requests(inside.Where(r => r.Kind == "read").ToList()),
                ["expected_deliveries"] = expected.Count,
                ["lost"] = expected.Count(d => !d.Arrived),
                ["lost_same_instance"] = expected.Count(d => !d.Arrived && d.Local),
                ["lost_other_instance"] = expected.Count(d => !d.Arrived && !d.Local),
            };
        }

        var failed = measured.Where(r => !r.Ok && r.Start >= start - 1000).ToList();
        var lastFailure = failed.Count == 0 ? double.NaN : failed.Max(r => r.End);
        var recovered = failed.Count == 0 ? double.NaN
            : measured.Where(r => r.Ok && r.Start > failed.Max(f => f.Start)).Select(r => r.Start).DefaultIfEmpty(double.NaN).Min();
        return new()
        {
            ["started_at_s"] = Math.Round((start - measureStart) / 1000, 1),
            ["command_seconds"] = Math.Round((end - start) / 1000, 1),
            ["failed_requests_from_fault"] = failed.Count,
            ["first_failure_after_fault_s"] = failed.Count == 0 ? -1 : Math.Round((failed.Min(r => r.Start) - start) / 1000, 2),
            ["last_failure_answered_after_fault_s"] = Stats.Round((lastFailure - start) / 1000),
            ["first_success_after_last_failure_s"] = Stats.Round((recovered - start) / 1000),
            ["before"] = Window(start - 30000, start),
            ["during"] = Window(start, end),
            ["after_30s"] = Window(end, end + 30000),
        };
    }
}
