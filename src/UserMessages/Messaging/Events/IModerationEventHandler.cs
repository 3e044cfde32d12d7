namespace UserMessages.Events;

/// <summary>
/// Called after a moderation event is saved (register with <c>AddModerationEventHandler&lt;T&gt;()</c>), for example to page
/// the moderator on call or write to a security log; a handler that throws is logged and skipped.
/// </summary>
public interface IModerationEventHandler
{
    /// <summary>Reacts to a moderation event: match on its type (<see cref="MessageReported"/>, <see cref="MessageHeld"/>, <see cref="MessageRemoved"/>, <see cref="UserSuspended"/>).</summary>
    /// <param name="moderationEvent">What happened.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the handler is done.</returns>
    Task HandleAsync(ModerationEvent moderationEvent, CancellationToken cancellationToken);
}
