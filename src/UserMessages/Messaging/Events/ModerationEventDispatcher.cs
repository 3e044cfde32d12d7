using Microsoft.Extensions.Logging;

namespace UserMessages.Events;

/// <summary>Tells every registered moderation handler, after the change is saved; a failing handler is logged and never undoes it.</summary>
internal sealed partial class ModerationEventDispatcher(IEnumerable<IModerationEventHandler> handlers, ILogger<ModerationEventDispatcher> logger)
{
    public async Task DispatchAsync(ModerationEvent moderationEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(moderationEvent, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(logger, e, handler.GetType().FullName, moderationEvent.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Moderation handler {Handler} failed for a {Event} event; the change is saved.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? handler, string @event);
}
