using Microsoft.EntityFrameworkCore;

namespace UserMessages.Store;

/// <summary>
/// The version of each user's pages, kept in their counter row (<see cref="Domain.MailboxCounter.Version"/>) for kept
/// pages: every write that changes what someone's pages show moves it once the write is saved. With kept pages off,
/// every method does nothing and reads nothing.
/// </summary>
/// <remarks>
/// One row per statement, in user order, after the write's transaction: a move never holds one counter while it waits
/// for another, so it cannot deadlock with the writes that count unread threads (the one exception, read receipts turned
/// on or off, is one statement run again when it is a deadlock's victim). A page read between the write and the move is
/// kept at the old version and rendered again after it.
/// </remarks>
internal sealed class PageVersions(UserMessagesDb db, bool on)
{
    /// <summary>Whether kept pages are on, and so whether writes move the versions.</summary>
    public bool IsOn => on;

    /// <summary>Whether <paramref name="options"/> turn kept pages on.</summary>
    public static bool On(UserMessagesOptions options) => options.KeptPages.Duration > TimeSpan.Zero;

    /// <summary>Everyone with a row in one of <paramref name="threadIds"/> (those who left too): whose versions a change of those threads moves.</summary>
    public async Task<List<string>> PeopleInAsync(IQueryable<long> threadIds, CancellationToken cancellationToken)
        => on ? await db.Participants.Where(p => threadIds.Contains(p.ThreadId)).Select(p => p.UserId).Distinct().ToListAsync(cancellationToken) : [];

    /// <summary>Moves the versions of everyone with a row in one of <paramref name="threadIds"/>.</summary>
    public async Task TouchThreadsAsync(IReadOnlyCollection<long> threadIds, CancellationToken cancellationToken)
    {
        if (on)
        {
            await TouchUsersAsync(await db.Participants.Where(p => threadIds.Contains(p.ThreadId)).Select(p => p.UserId).Distinct().ToListAsync(cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// Moves the versions of <paramref name="userId"/> and of everyone who shares a thread with them, in one statement (a
    /// rare write: turning read receipts on or off), run again when the database ends it as a deadlock victim.
    /// </summary>
    public async Task TouchSharingThreadsWithAsync(string userId, CancellationToken cancellationToken)
    {
        if (on)
        {
            await DeadlockRetry.RunAsync(
                () => db.Counters
                    .Where(c => c.UserId == userId || db.Participants.Any(p => p.UserId == c.UserId && db.Participants.Any(me => me.UserId == userId && me.ThreadId == p.ThreadId)))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken),
                cancellationToken);
        }
    }

    /// <summary>Moves the versions of <paramref name="userIds"/>' pages.</summary>
    public async Task TouchUsersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        if (!on)
        {
            return;
        }

        foreach (var userId in userIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await db.Counters.Where(c => c.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }
    }

    /// <summary>Moves the versions of everyone in <paramref name="threadId"/> when <paramref name="changed"/> says the write did; returns its result.</summary>
    public async Task<T> TouchedAsync<T>(long threadId, Func<T, bool> changed, T result, CancellationToken cancellationToken)
    {
        if (changed(result))
        {
            await TouchThreadsAsync([threadId], cancellationToken);
        }

        return result;
    }
}
