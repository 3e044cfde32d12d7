namespace UserMessages.Services;

/// <summary>The unread badge: a counter per user that every write keeps up to date in its own transaction.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return Math.Max(await store.CountUnreadAsync(userId, cancellationToken), 0);
    }

    public async Task<int> CountRequestsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return await store.CountRequestsAsync(userId, cancellationToken);
    }

    public Task RebuildUnreadCountersAsync(CancellationToken cancellationToken = default) => store.RebuildUnreadCountersAsync(cancellationToken);
}
