using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Benchmarks.Infrastructure;
using UserMessages.Services;

namespace UserMessages.Benchmarks;

/// <summary>
/// user1 replies in their first thread with user2. The baseline does by hand what the library
/// does: reads the thread's participants (is user1 one of them?), checks blocks and the sending
/// limits (the limit-th newest message of the day), writes the message, moves the thread's latest message, updates every participant row
/// and the unread counters of the rows that changed in one transaction, then reads what the live
/// update needs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WriteConfig))]
public class ReplyBenchmarks : WriteBenchmarks
{
    private const string Content = "Thanks, sounds good. See you on Monday then.";

    private const string UpdateSql = """
        UPDATE UserMessagesThreads SET
            LatestMessageId = CASE WHEN LatestMessageAt <= @Now THEN @Message ELSE LatestMessageId END,
            LatestMessageAt = CASE WHEN LatestMessageAt <= @Now THEN @Now ELSE LatestMessageAt END,
            ConcurrencyStamp = @Stamp
        WHERE Id = @Thread;
        UPDATE UserMessagesParticipants SET
            IsUnread = UserId <> @User,
            StateChangedAt = CASE WHEN State = 0 THEN StateChangedAt ELSE @Now END,
            State = 0,
            HasSent = HasSent OR UserId = @User,
            LastReadMessageId = CASE WHEN UserId = @User THEN @Message ELSE LastReadMessageId END,
            LatestMessageAt = CASE WHEN LatestMessageAt <= @Now THEN @Now ELSE LatestMessageAt END
        WHERE ThreadId = @Thread AND State <> 3;
        UPDATE UserMessagesParticipants SET CountedUnread = NOT CountedUnread
        WHERE ThreadId = @Thread AND CountedUnread <> (State = 0 AND IsUnread)
        RETURNING UserId, CountedUnread;
        """;

    [Benchmark]
    public async Task<SentMessage> Library()
    {
        await using var scope = Db.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        var sent = await messages.ReplyAsync(Db.Ids.User1, Db.Ids.FirstThreadId, Content);
        return sent.Succeeded ? sent.Value! : throw new InvalidOperationException($"Refused: {sent.Status}");
    }

    [Benchmark(Baseline = true)]
    public async Task<SentMessage> RawSql()
    {
        var (user, threadId, now) = (Db.Ids.User1, Db.Ids.FirstThreadId, Now());
        await using var connection = await Db.OpenConnectionAsync();
        var participants = (await connection.QueryAsync<(string UserId, string Subject)>(
            "SELECT p.UserId, t.Subject FROM UserMessagesParticipants AS p JOIN UserMessagesThreads AS t ON t.Id = p.ThreadId WHERE p.ThreadId = @Thread AND p.State <> 3",
            new { Thread = threadId })).ToList();
        var others = participants.Where(p => p.UserId != user).Select(p => p.UserId).ToList();
        var refusing = (await connection.QueryAsync<string>(
            "SELECT BlockerId FROM UserMessagesBlocks WHERE BlockedId = @User AND BlockerId IN @Others", new { User = user, Others = others })).ToList();
        var limitth = await connection.QuerySingleAsync<DateTime?>(
            "SELECT (SELECT SentAt FROM UserMessagesMessages WHERE SenderId = @User AND SentAt > @DayAgo AND Kind = 0 ORDER BY SentAt DESC LIMIT 1 OFFSET @Skip)",
            new { User = user, DayAgo = now.AddDays(-1), Skip = BenchmarkServices.SendingLimit - 1 });
        if (participants.All(p => p.UserId != user) || (others.Count > 0 && refusing.Count == others.Count)
            || Exceeded(limitth, TimeSpan.FromMinutes(1), now) || Exceeded(limitth, TimeSpan.FromDays(1), now))
        {
            throw new InvalidOperationException("Refused.");
        }

        long messageId;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            messageId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO UserMessagesMessages (ThreadId, SenderId, SentAt, Content, Kind) VALUES (@Thread, @User, @Now, @Content, 0) RETURNING Id",
                new { Thread = threadId, User = user, Now = now, Content },
                transaction);
            var changed = (await connection.QueryAsync<(string UserId, bool Counted)>(
                UpdateSql, new { Thread = threadId, Message = messageId, User = user, Now = now, Stamp = Guid.NewGuid().ToString() }, transaction)).ToList();
            foreach (var (changedUser, counted) in changed.OrderBy(c => c.UserId, StringComparer.Ordinal))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO UserMessagesMailboxCounters (UserId, UnreadThreads) VALUES (@User, @Delta) ON CONFLICT (UserId) DO UPDATE SET UnreadThreads = UnreadThreads + excluded.UnreadThreads",
                    new { User = changedUser, Delta = counted ? 1 : -1 },
                    transaction);
            }

            await transaction.CommitAsync();
        }

        // The live update: the replier's name, the recipients' new unread counts.
        await connection.QuerySingleAsync<string>("SELECT UserName FROM AspNetUsers WHERE Id = @User", new { User = user });
        (await connection.QueryAsync<(string, int)>("SELECT UserId, UnreadThreads FROM UserMessagesMailboxCounters WHERE UserId IN @Others", new { Others = others })).ToList();

        return new SentMessage(threadId, messageId);
    }

    protected override Task WriteWithLibraryAsync() => Library();

    protected override Task WriteWithRawSqlAsync() => RawSql();
}
