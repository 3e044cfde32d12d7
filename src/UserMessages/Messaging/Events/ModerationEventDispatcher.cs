using Microsoft.Extensions.Logging;

namespace UserMessages.Events;

/// <summary>Tells every registered moderation handler, after the change is saved; a failing handler is logged and never undoes it.</summary>
internal sealed partial class ModerationEventDispatcher(IEnumerable<IModerationEventHandler> handlers, ILogger<ModerationEventDispatcher> logger)
{
    public Task DispatchAsync(ModerationEvent moderationEvent, CancellationToken cancellationToken)
        => HandlerRunner.RunAsync(
            handlers,
            handler => handler.HandleAsync(moderationEvent, cancellationToken),
            (e, handler) => LogHandlerFailed(logger, e, handler.GetType().FullName, moderationEvent.GetType().Name),
            cancellationToken);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Moderation handler {Handler} failed for a {Event} event; the change is saved.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? handler, string @event);
}
