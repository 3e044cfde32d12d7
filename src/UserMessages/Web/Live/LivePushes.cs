using Microsoft.Extensions.Logging;

namespace UserMessages.Web.Live;

/// <summary>
/// Waits for a change's pushes no longer than <see cref="Bound"/>: the change is saved before they start, so a slow or
/// absent backplane never holds up the request that made it; a push still under way then finishes (or fails) on its own.
/// </summary>
internal static partial class LivePushes
{
    /// <summary>How long a request waits for its pushes; the push itself goes on after that.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(250);

    public static async Task WaitAsync(IReadOnlyCollection<Task> pushes, ILogger logger, string what)
    {
        var all = Task.WhenAll(pushes);
        try
        {
            await all.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            LogStillPushing(logger, what, (int)Bound.TotalMilliseconds);
            _ = all.ContinueWith(
                task => LogPushFailed(logger, task.Exception!.GetBaseException(), what),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Live updates ({What}) were not out after {Milliseconds} ms; the request goes on, the push continues (is the backplane reachable?).")]
    private static partial void LogStillPushing(ILogger logger, string what, int milliseconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Live updates ({What}) failed after the request went on; open pages catch up when they next ask for their state.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string what);
}
