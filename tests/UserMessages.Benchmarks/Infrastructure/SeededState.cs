using Dapper;
using Microsoft.Data.Sqlite;

namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>
/// What the write benchmarks change, and how it is undone: rows above the seeded ids are deleted,
/// and the first thread (updated in place: deleting it would take its messages with it), its
/// participants and every unread counter are copied back from the seeded file. Then the write-ahead
/// log is checkpointed (see <see cref="SqliteDurability"/>).
/// </summary>
public static class SeededState
{
    private const string Restore = """
        ATTACH DATABASE @Seeded AS seeded;
        BEGIN;
        DELETE FROM UserMessagesParticipants WHERE ThreadId > @MaxThread OR ThreadId = @First;
        DELETE FROM UserMessagesMessages WHERE Id > @MaxMessage;
        DELETE FROM UserMessagesThreads WHERE Id > @MaxThread;
        UPDATE UserMessagesThreads SET (LatestMessageId, LatestMessageAt, ConcurrencyStamp) =
            (SELECT LatestMessageId, LatestMessageAt, ConcurrencyStamp FROM seeded.UserMessagesThreads WHERE Id = @First)
        WHERE Id = @First;
        INSERT INTO UserMessagesParticipants SELECT * FROM seeded.UserMessagesParticipants WHERE ThreadId = @First;
        DELETE FROM UserMessagesMailboxCounters;
        INSERT INTO UserMessagesMailboxCounters SELECT * FROM seeded.UserMessagesMailboxCounters;
        COMMIT;
        DETACH DATABASE seeded;
        PRAGMA wal_checkpoint(TRUNCATE);
        """;

    // Everything a send or a reply writes, without ids, times and random stamps, with the links between rows checked.
    private const string Fingerprint = """
        SELECT 'thread ' || (t.Id = @First) || ' ' || t.Subject || ' ' || t.CreatedById
               || ' latest=' || (t.LatestMessageId = (SELECT MAX(Id) FROM UserMessagesMessages WHERE ThreadId = t.Id))
               || ' at=' || (t.LatestMessageAt = (SELECT MAX(SentAt) FROM UserMessagesMessages WHERE ThreadId = t.Id))
        FROM UserMessagesThreads AS t WHERE t.Id > @MaxThread OR t.Id = @First
        UNION ALL
        SELECT 'message ' || (m.ThreadId = @First) || ' ' || m.SenderId || ' ' || m.Kind || ' ' || m.Content || ' ' || coalesce(m.AboutUserId, '-')
        FROM UserMessagesMessages AS m WHERE m.Id > @MaxMessage
        UNION ALL
        SELECT 'participant ' || (p.ThreadId = @First) || ' ' || p.UserId || ' unread=' || p.IsUnread || ' state=' || p.State || ' sent=' || p.HasSent
               || ' counted=' || p.CountedUnread
               || ' read=' || coalesce(p.LastReadMessageId = t.LatestMessageId, 'none')
               || ' latest=' || (p.LatestMessageAt = t.LatestMessageAt)
               || ' joined=' || (p.JoinedAt <= t.LatestMessageAt)
        FROM UserMessagesParticipants AS p JOIN UserMessagesThreads AS t ON t.Id = p.ThreadId WHERE p.ThreadId > @MaxThread OR p.ThreadId = @First
        UNION ALL
        SELECT 'counter ' || UserId || ' ' || UnreadThreads FROM UserMessagesMailboxCounters
        ORDER BY 1
        """;

    public static async Task RestoreAsync(BenchmarkDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(Restore, Arguments(db));
    }

    public static async Task<List<string>> FingerprintAsync(BenchmarkDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(Fingerprint, Arguments(db))).ToList();
    }

    private static object Arguments(BenchmarkDatabase db)
        => new { Seeded = db.SeededPath, First = db.Ids.FirstThreadId, MaxThread = db.Ids.MaxThreadId, MaxMessage = db.Ids.MaxMessageId };
}
