using Microsoft.Extensions.Logging;

namespace UserMessages.Events;

/// <summary>Tells every registered handler of edits and deletions, after the change is saved; a failing handler is logged and never undoes it.</summary>
internal sealed partial class MessageChangedDispatcher(IEnumerable<IMessageChangedHandler> handlers, ILogger<MessageChangedDispatcher> logger)
{
    public Task DispatchAsync(MessageChanged change, CancellationToken cancellationToken)
        => HandlerRunner.RunAsync(
            handlers,
            handler => handler.HandleAsync(change, cancellationToken),
            (e, handler) => LogHandlerFailed(logger, e, handler.GetType().FullName, change.GetType().Name, change.MessageId),
            cancellationToken);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Message-changed handler {Handler} failed for a {Event} event of message {MessageId}; the change is saved.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? handler, string @event, long messageId);
}
