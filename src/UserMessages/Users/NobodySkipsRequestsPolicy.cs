namespace UserMessages.Users;

internal sealed class NobodySkipsRequestsPolicy : IMessageRequestPolicy
{
    public ValueTask<bool> SkipsRequestsAsync(string senderId, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
