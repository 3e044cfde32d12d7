namespace UserMessages.Events;

/// <summary>
/// Called after a sender edits or deletes a message (register with <c>AddMessageChangedHandler&lt;T&gt;()</c>), for example
/// to update a search index of your own; a handler that throws is logged and skipped.
/// </summary>
public interface IMessageChangedHandler
{
    /// <summary>Reacts to the change: match on its type (<see cref="MessageEdited"/>, <see cref="MessageDeleted"/>).</summary>
    /// <param name="change">What changed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the handler is done.</returns>
    Task HandleAsync(MessageChanged change, CancellationToken cancellationToken);
}
