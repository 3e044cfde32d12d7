using System.Globalization;

namespace UserMessages.LiveLoad;

/// <summary>Percentiles (nearest rank) and number formatting for the summaries.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p)
        => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Count, p50, p99 and max of some durations in ms (NaN when there are none).</summary>
    public static Dictionary<string, object> Summary(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return new()
        {
            ["count"] = sorted.Count,
            ["p50_ms"] = Round(Percentile(sorted, 50)),
            ["p99_ms"] = Round(Percentile(sorted, 99)),
            ["max_ms"] = Round(sorted.Count == 0 ? double.NaN : sorted[^1]),
        };
    }

    public static double Round(double value) => double.IsNaN(value) ? -1 : Math.Round(value, 1);

    public static string F(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
