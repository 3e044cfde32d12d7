namespace UserMessages.LiveLoad;

/// <summary>One HTTP request of a run: what it was, when it started and ended (ms on the recorder's clock), how it ended.</summary>
internal sealed class TimedRequest(string kind, double start, int instance)
{
    public string Kind { get; } = kind;

    public double Start { get; } = start;

    public int Instance { get; } = instance;

    public double End { get; set; }

    /// <summary>The HTTP status, or 0 when no response came (refused connection, timeout).</summary>
    public int Status { get; set; }

    public string? Error { get; set; }

    public long ThreadId { get; init; }

    public long MessageId { get; set; }

    /// <summary>The thread's people (user numbers), whether each had an open connection when the send started, and to which instance.</summary>
    public int[] Participants { get; init; } = [];

    public bool[] ConnectedAtStart { get; init; } = [];

    public int[] InstanceAtStart { get; init; } = [];

    public double Duration => End - Start;

    public bool Ok => Status is >= 200 and < 300;
}
