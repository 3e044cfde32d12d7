using Microsoft.Extensions.Logging;

namespace UserMessages.Events;

/// <summary>Tells every registered handler, after commit; a failing handler is logged and never undoes the message.</summary>
internal sealed partial class MessageSentDispatcher(IEnumerable<IMessageSentHandler> handlers, ILogger<MessageSentDispatcher> logger)
{
    public Task DispatchAsync(MessageSent message, CancellationToken cancellationToken)
        => HandlerRunner.RunAsync(
            handlers,
            handler => handler.HandleAsync(message, cancellationToken),

            // Never log the content: only where it failed.
            (e, handler) => LogHandlerFailed(logger, e, handler.GetType().FullName, message.MessageId, message.ThreadId),
            cancellationToken);

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Message-sent handler {Handler} failed for message {MessageId} in thread {ThreadId}; the message is saved.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? handler, long messageId, long threadId);
}
