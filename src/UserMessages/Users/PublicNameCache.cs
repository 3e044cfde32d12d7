using System.Collections.Concurrent;

namespace UserMessages.Users;

/// <summary>
/// The people the Identity directory looked up by id recently, kept on this instance for
/// <see cref="IdentityUserDirectoryOptions{TUser}.NameCacheDuration"/> (off when that is zero).
/// </summary>
/// <remarks>
/// Someone nobody was found for is kept too, so a page with a deleted account on it reads nothing either. When a lookup's
/// people do not fit in <see cref="IdentityUserDirectoryOptions{TUser}.NameCacheSize"/>, the expired ones go, and all when that is not enough.
/// </remarks>
internal sealed class PublicNameCache<TUser>(TimeProvider clock, IdentityUserDirectoryOptions<TUser>? options = null)
    where TUser : class
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly TimeSpan duration = options?.NameCacheDuration ?? TimeSpan.Zero;
    private readonly int size = options?.NameCacheSize ?? 0;

    /// <summary>Whether people are kept at all.</summary>
    public bool IsOn => duration > TimeSpan.Zero && size > 0;

    /// <summary>Adds the people of <paramref name="ids"/> kept and not expired to <paramref name="found"/>, and returns the ids not kept.</summary>
    public List<string> Take(IReadOnlyList<string> ids, Dictionary<string, MessagingUser> found)
    {
        var now = clock.GetUtcNow();
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (!entries.TryGetValue(id, out var entry) || entry.Until <= now)
            {
                missing.Add(id);
            }
            else if (entry.User is { } user)
            {
                found[user.Id] = user;
            }
        }

        return missing;
    }

    /// <summary>Keeps what a lookup of <paramref name="ids"/> found (keyed by stored id): each user, and nobody for an id that matched no one.</summary>
    public void Keep(IReadOnlyList<string> ids, IReadOnlyDictionary<string, MessagingUser> read)
    {
        var now = clock.GetUtcNow();
        var until = duration < DateTimeOffset.MaxValue - now ? now + duration : DateTimeOffset.MaxValue;
        var room = size - entries.Count;
        if (room < ids.Count)
        {
            Prune(now, Math.Min(ids.Count, size));
            room = size - entries.Count;
        }

        foreach (var id in ids.Take(room))
        {
            if (read.TryGetValue(id, out var user))
            {
                entries[id] = new Entry(user, until);
            }
            else if (!read.Keys.Any(stored => string.Equals(stored, id, StringComparison.OrdinalIgnoreCase)))
            {
                // An id written in another case than stored is not kept: the next lookup asks the store again.
                entries[id] = new Entry(null, until);
            }
        }
    }

    /// <summary>Forgets the expired people, and everyone when that leaves no room for <paramref name="needed"/> more.</summary>
    private void Prune(DateTimeOffset now, int needed)
    {
        foreach (var (id, entry) in entries)
        {
            if (entry.Until <= now)
            {
                entries.TryRemove(id, out _);
            }
        }

        if (entries.Count + needed > size)
        {
            entries.Clear();
        }
    }

    private sealed record Entry(MessagingUser? User, DateTimeOffset Until);
}
