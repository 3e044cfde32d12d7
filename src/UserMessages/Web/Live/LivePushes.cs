using Microsoft.Extensions.Logging;

namespace UserMessages.Web.Live;

/// <summary>
/// Waits for a change's pushes no longer than <see cref="Bound"/>, and not at all while pushes are late (a backplane down or
/// slow), until one is out again: the change is saved before they start, so the backplane never holds up the request that made it.
/// A push still under way goes on alone; an open page that missed it catches up when it next asks the hub for the state.
/// </summary>
internal sealed partial class LivePushes(ILogger<LivePushes> logger)
{
    /// <summary>How long a request waits for its pushes while they are on time.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(250);

    // 1 while pushes are late: requests do not wait for theirs. 1 in failureLogged once a failure was logged while late.
    private int late;
    private int failureLogged;

    public async Task WaitAsync(IReadOnlyCollection<Task> pushes, string what)
    {
        var all = Task.WhenAll(pushes);
        if (Volatile.Read(ref late) == 1 && !all.IsCompleted)
        {
            Follow(all, what);
            return;
        }

        try
        {
            await all.WaitAsync(Bound);
            OnTime();
        }
        catch (TimeoutException)
        {
            if (Interlocked.Exchange(ref late, 1) == 0)
            {
                LogLate(logger, what, (int)Bound.TotalMilliseconds);
            }

            Follow(all, what);
        }
    }

    private void OnTime()
    {
        Volatile.Write(ref late, 0);
        Volatile.Write(ref failureLogged, 0);
    }

    private void Follow(Task all, string what)
        => all.ContinueWith(
            task =>
            {
                if (!task.IsFaulted)
                {
                    OnTime();
                }
                else if (Interlocked.Exchange(ref failureLogged, 1) == 0)
                {
                    LogFailed(logger, task.Exception!.GetBaseException(), what);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Live updates ({What}) were not out after {Milliseconds} ms; until one is, requests do not wait for their pushes (is the backplane reachable?).")]
    private static partial void LogLate(ILogger logger, string what, int milliseconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Live updates ({What}) failed after the request went on; open pages catch up when they next ask for their state. Further failures are not logged until a push is out again.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
