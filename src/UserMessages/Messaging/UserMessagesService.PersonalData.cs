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
        var reports = await store.ReadReportsByAsync(userId, cancellationToken);
        var suspension = await store.ReadSuspensionAsync(userId, cancellationToken);
        var held = (await store.ReadHeldByAsync(userId, cancellationToken)).Select(h => new AwaitingReview(h.Id, h.Subject, h.Content, h.HeldAt)).ToList();
        return new UserDataExport(
            userId,
            clock.GetUtcNow().UtcDateTime,
            threads.Select(t => new ExportedThread(
                t.ThreadId, t.Subject, t.State.ToString(), t.JoinedAt, t.Messages.Select(m => new ExportedMessage(m.Id, m.SentAt, m.Content)).ToList())).ToList(),
            blocked,
            notify)
        {
            Reports = reports.Select(r => new ExportedReport(r.Id, r.ThreadId, r.MessageId, r.Reason.ToString(), r.Note, r.ReportedAt, r.Status.ToString())).ToList(),
            Suspension = suspension is null ? null : new ExportedSuspension(suspension.StartedAt, suspension.EndsAt, suspension.Reason),
            AwaitingReview = held,
        };
    }

    public async Task EraseUserDataAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await attachmentFiles.DeleteAsync(await store.EraseUserAsync(userId, cancellationToken), cancellationToken);
    }
}
