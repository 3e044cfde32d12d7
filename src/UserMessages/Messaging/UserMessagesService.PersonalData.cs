namespace UserMessages.Services;

/// <summary>Data-protection requests: a user's messaging data exported, or erased.</summary>
internal sealed partial class UserMessagesService
{
    public async Task<UserDataExport> ExportUserDataAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var threads = await store.ReadExportAsync(userId, cancellationToken);
        var blocked = await store.ReadBlockedByAsync(userId, cancellationToken);
        var notify = (await store.ReadPreferencesAsync(userId, cancellationToken))?.NotifyByEmail ?? true;
        return new UserDataExport(
            userId,
            clock.GetUtcNow().UtcDateTime,
            threads.Select(t => new ExportedThread(
                t.ThreadId, t.Subject, t.State.ToString(), t.JoinedAt, t.Messages.Select(m => new ExportedMessage(m.Id, m.SentAt, m.Content)).ToList())).ToList(),
            blocked,
            notify);
    }

    public Task EraseUserDataAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return store.EraseUserAsync(userId, cancellationToken);
    }
}
