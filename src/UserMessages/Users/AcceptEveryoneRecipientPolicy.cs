namespace UserMessages.Users;

internal sealed class AcceptEveryoneRecipientPolicy : IRecipientPolicy
{
    public ValueTask<bool> AcceptsMessagesAsync(string senderId, string recipientId, CancellationToken cancellationToken)
        => ValueTask.FromResult(true);
}
