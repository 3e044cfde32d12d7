using Microsoft.Extensions.Logging;

namespace UserMessages.Events;

/// <summary>Tells every registered handler that someone saw a thread, after the mark is saved; a failing handler is logged and never undoes it.</summary>
internal sealed partial class ThreadSeenDispatcher(IEnumerable<IThreadSeenHandler> handlers, ILogger<ThreadSeenDispatcher> logger)
{
    public Task DispatchAsync(ThreadSeen seen, CancellationToken cancellationToken)
        => HandlerRunner.RunAsync(
            handlers,
            handler => handler.HandleAsync(seen, cancellationToken),
            (e, handler) => LogHandlerFailed(logger, e, handler.GetType().FullName, seen.ThreadId),
            cancellationToken);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Thread-seen handler {Handler} failed for thread {ThreadId}; the read mark is saved.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? handler, long threadId);
}
