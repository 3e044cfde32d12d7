namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>Refuses to measure a library call and its baseline that do not return the same data.</summary>
public static class Same
{
    public static void Check<T>(IEnumerable<T> library, IEnumerable<T> baseline, string what)
    {
        var (l, b) = (library.ToList(), baseline.ToList());
        if (!l.SequenceEqual(b))
        {
            throw new InvalidOperationException(
                $"The library and the baseline disagree on the {what}:\nlibrary:  {string.Join("\n          ", l)}\nbaseline: {string.Join("\n          ", b)}");
        }
    }
}
