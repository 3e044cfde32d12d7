using Microsoft.Extensions.Logging;

namespace UserMessages.Events;

/// <summary>Tells every registered handler, after commit; a failing handler is logged and never undoes the message.</summary>
internal sealed partial class MessageSentDispatcher(IEnumerable<IMessageSentHandler> handlers, ILogger<MessageSentDispatcher> logger)
{
    public async Task DispatchAsync(MessageSent message, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Never log the content: only where it failed.
                LogHandlerFailed(logger, e, handler.GetType().FullName, message.MessageId, message.ThreadId);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Message-sent handler {Handler} failed for message {MessageId} in thread {ThreadId}; the message is saved.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? handler, long messageId, long threadId);
}
