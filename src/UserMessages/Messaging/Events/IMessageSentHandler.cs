namespace UserMessages.Events;

/// <summary>
/// Called after a new thread or a reply is committed, e.g. to send an e-mail. Register one with
/// <c>AddUserMessages().AddMessageSentHandler&lt;T&gt;()</c>. A handler that throws is logged and
/// skipped: the message is already saved and stays saved. Handlers run in the sender's request
/// (its scope, its <c>DbContext</c>), with the connection the sending opened still open: queue work
/// that takes long, such as calling another service, rather than doing it here.
/// </summary>
public interface IMessageSentHandler
{
    /// <summary>Reacts to a sent message.</summary>
    /// <param name="message">What was sent.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the handler is done.</returns>
    Task HandleAsync(MessageSent message, CancellationToken cancellationToken);
}
