using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;
using UserMessages.Storage.Configurations;

namespace UserMessages.Services;

/// <summary>
/// The unread badge as a counter: every write that can change whether a thread is unread in
/// someone's inbox brings the counters of the rows it touched up to date in its own transaction,
/// so reading the badge is one primary-key lookup instead of a count over every unread row.
/// </summary>
/// <remarks>
/// A participant row is counted when it is in the inbox and unread; its <c>CountedUnread</c>
/// column says whether it is. After a write, the rows it touched whose column disagrees with their
/// state are exactly the changes to count: their users' counters move by the difference, and the
/// column is set. The write has already locked those rows, so concurrent writers never count the
/// same change twice.
/// </remarks>
internal sealed partial class UserMessagesService
{
    public async Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var count = await CompiledReads.For(db.Context).UnreadCountAsync(db.Context, userId, cancellationToken);
        return Math.Max(count, 0);
    }

    public async Task RebuildUnreadCountersAsync(CancellationToken cancellationToken = default)
    {
        var active = ParticipantState.Active;
        var counted = true;
        var names = new SqlNames(db.Context);
        var participantUser = names.Column<ThreadParticipant>(nameof(ThreadParticipant.UserId));

        await InTransactionAsync(async () =>
        {
            await db.Participants
                .Where(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) != (p.State == active && p.IsUnread))
                .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread), p => p.State == active && p.IsUnread), cancellationToken);
            await db.Counters.ExecuteDeleteAsync(cancellationToken);
            var recount = $"INSERT INTO {names.Table<MailboxCounter>()} ({names.Column<MailboxCounter>(nameof(MailboxCounter.UserId))}, {names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))}) " +
                $"SELECT {participantUser}, COUNT(*) FROM {names.Table<ThreadParticipant>()} " +
                $"WHERE {names.Column<ThreadParticipant>(ThreadParticipantConfiguration.CountedUnread)} = {{0}} GROUP BY {participantUser}";
            await db.Context.Database.ExecuteSqlRawAsync(recount, [counted], cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Counts the changes of <paramref name="rows"/> (rows this transaction has just written) in their users' counters.</summary>
    private async Task CountUnreadChangesAsync(IQueryable<ThreadParticipant> rows, CancellationToken cancellationToken)
    {
        var active = ParticipantState.Active;
        var changed = rows.Where(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) != (p.State == active && p.IsUnread));
        var deltas = await changed
            .GroupBy(p => p.UserId)
            .Select(g => new { UserId = g.Key, Delta = g.Sum(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) ? -1 : 1) })
            .ToListAsync(cancellationToken);
        if (deltas.Count == 0)
        {
            return;
        }

        await changed.ExecuteUpdateAsync(
            s => s.SetProperty(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread), p => p.State == active && p.IsUnread),
            cancellationToken);
        await AddToCountersAsync(deltas.Where(d => d.Delta != 0).Select(d => (d.UserId, d.Delta)).ToList(), cancellationToken);
    }

    /// <summary>
    /// Moves each user's counter by its delta, creating missing rows: one upsert statement on SQLite
    /// and PostgreSQL (users in a fixed order, so two writers never wait on each other's rows crosswise).
    /// </summary>
    private async Task AddToCountersAsync(IReadOnlyList<(string UserId, int Delta)> deltas, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0)
        {
            return;
        }

        var ordered = deltas.OrderBy(d => d.UserId, StringComparer.Ordinal).ToList();
        if (db.Context.Database.ProviderName is DatabaseProviders.Sqlite or DatabaseProviders.Postgres)
        {
            var names = new SqlNames(db.Context);
            var (user, unread) = (names.Column<MailboxCounter>(nameof(MailboxCounter.UserId)), names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads)));
            var values = string.Join(", ", ordered.Select((_, i) => $"({{{2 * i}}}, {{{(2 * i) + 1}}})"));
            var upsert = $"INSERT INTO {names.Table<MailboxCounter>()} ({user}, {unread}) VALUES {values} " +
                $"ON CONFLICT ({user}) DO UPDATE SET {unread} = {names.TableName<MailboxCounter>()}.{unread} + excluded.{unread}";
            await db.Context.Database.ExecuteSqlRawAsync(upsert, ordered.SelectMany(d => new object[] { d.UserId, d.Delta }), cancellationToken);
            return;
        }

        foreach (var (userId, delta) in ordered)
        {
            var updated = await db.Counters.Where(c => c.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadThreads, c => c.UnreadThreads + delta), cancellationToken);
            if (updated == 0)
            {
                db.Counters.Add(new MailboxCounter { UserId = userId, UnreadThreads = delta });
            }
        }

        await db.Context.SaveChangesAsync(cancellationToken);
    }
}
