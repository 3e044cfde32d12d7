using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Store;

/// <summary>
/// The unread badge as a counter per user, moved by the rows a write touched whose <c>CountedUnread</c>
/// column disagrees with their state (docs/architecture.md, "Where each rule lives").
/// </summary>
internal partial class MessageStore
{
    public Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken)
        => CompiledQueries.For(Context).UnreadCountAsync(Context, userId, cancellationToken);

    public Task EnsureCounterAsync(string userId, CancellationToken cancellationToken) => AddToCountersAsync([(userId, 0)], cancellationToken);

    public Task<Dictionary<string, int>> CountUnreadAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
        => CompiledQueries.For(Context).UnreadCountsAsync(Context, userIds, cancellationToken);

    public async Task<Dictionary<string, int>> CountRequestsAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var request = ParticipantState.Request;
        var counts = await Db.Participants.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.State == request)
            .GroupBy(p => p.UserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.UserId, c => c.Count, StringComparer.Ordinal, cancellationToken);
        return userIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => counts.GetValueOrDefault(id), StringComparer.Ordinal);
    }

    public Task<int> CountRequestsAsync(string userId, CancellationToken cancellationToken)
    {
        var request = ParticipantState.Request;
        return Db.Participants.CountAsync(p => p.UserId == userId && p.State == request, cancellationToken);
    }

    public Task RebuildUnreadCountersAsync(CancellationToken cancellationToken)
    {
        var active = ParticipantState.Active;
        var counted = true;
        var names = new SqlNames(Context);
        var participantUser = names.Column<ThreadParticipant>(nameof(ThreadParticipant.UserId));
        return InTransactionAsync(async () =>
        {
            await Db.Participants
                .Where(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) != (p.State == active && p.IsUnread && !p.IsMuted))
                .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread), p => p.State == active && p.IsUnread && !p.IsMuted), cancellationToken);

            // Rows are kept (their versions move on, so no kept page survives), and those missing are added.
            await Db.Counters.ExecuteUpdateAsync(
                s => s.SetProperty(c => c.UnreadThreads, c => Db.Participants.Count(p => p.UserId == c.UserId && EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) == counted))
                    .SetProperty(c => c.Version, c => c.Version + 1),
                cancellationToken);
            var counterUser = names.Column<MailboxCounter>(nameof(MailboxCounter.UserId));
            var recount = $"INSERT INTO {names.Table<MailboxCounter>()} ({counterUser}, {names.Column<MailboxCounter>(nameof(MailboxCounter.UnreadThreads))}) " +
                $"SELECT {participantUser}, COUNT(*) FROM {names.Table<ThreadParticipant>()} " +
                $"WHERE {names.Column<ThreadParticipant>(ThreadParticipantConfiguration.CountedUnread)} = {{0}} " +
                $"AND {participantUser} NOT IN (SELECT c.{counterUser} FROM {names.Table<MailboxCounter>()} c) GROUP BY {participantUser}";
            await Context.Database.ExecuteSqlRawAsync(recount, [counted], cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Counts the changes of <paramref name="rows"/> (rows this transaction has just written) in their users' counters.</summary>
    protected async Task CountUnreadChangesAsync(IQueryable<ThreadParticipant> rows, CancellationToken cancellationToken)
    {
        var active = ParticipantState.Active;
        var changed = rows.Where(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) != (p.State == active && p.IsUnread && !p.IsMuted));
        var deltas = await changed
            .GroupBy(p => p.UserId)
            .Select(g => new { UserId = g.Key, Delta = g.Sum(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) ? -1 : 1) })
            .ToListAsync(cancellationToken);
        if (deltas.Count == 0)
        {
            return;
        }

        await changed.ExecuteUpdateAsync(
            s => s.SetProperty(p => EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread), p => p.State == active && p.IsUnread && !p.IsMuted),
            cancellationToken);
        await AddToCountersAsync(deltas.Where(d => d.Delta != 0).Select(d => (d.UserId, d.Delta)).ToList(), cancellationToken);
    }

    /// <summary>
    /// Moves each user's counter by its delta in user order, creating missing counters; an insert that loses
    /// to another writer's on the key runs as an update instead.
    /// </summary>
    protected virtual async Task AddToCountersAsync(IReadOnlyList<(string UserId, int Delta)> deltas, CancellationToken cancellationToken)
    {
        foreach (var (userId, delta) in deltas.OrderBy(d => d.UserId, StringComparer.Ordinal))
        {
            if (await AddToCounterAsync(userId, delta, cancellationToken))
            {
                continue;
            }

            var counter = Db.Counters.Add(new MailboxCounter { UserId = userId, UnreadThreads = delta });
            try
            {
                await Context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                counter.State = EntityState.Detached;
                if (!await AddToCounterAsync(userId, delta, cancellationToken))
                {
                    throw;
                }
            }

            counter.State = EntityState.Detached;
        }
    }

    private async Task<bool> AddToCounterAsync(string userId, int delta, CancellationToken cancellationToken)
        => await Db.Counters.Where(c => c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadThreads, c => c.UnreadThreads + delta), cancellationToken) > 0;
}
