namespace UserMessages.Events;

/// <summary>
/// Called in the sender's request after a new thread or a reply is committed (register with <c>AddMessageSentHandler&lt;T&gt;()</c>);
/// a handler that throws is logged and skipped, so queue slow work rather than doing it here.
/// </summary>
public interface IMessageSentHandler
{
    /// <summary>Reacts to a sent message.</summary>
    /// <param name="message">What was sent.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the handler is done.</returns>
    Task HandleAsync(MessageSent message, CancellationToken cancellationToken);
}
