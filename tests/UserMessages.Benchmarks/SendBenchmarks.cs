using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Benchmarks.Infrastructure;
using UserMessages.Services;

namespace UserMessages.Benchmarks;

/// <summary>
/// user1 starts a thread with user2. The baseline does by hand what the library does: checks the
/// recipient exists and has not blocked the sender, reads the limit-th newest of the sender's
/// messages and threads for the sending limits, writes the thread, message, both participant rows and the recipient's
/// unread counter in one transaction, then reads what the live update needs (the sender's name,
/// the recipient's new count).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WriteConfig))]
public class SendBenchmarks : WriteBenchmarks
{
    private const string Subject = "Benchmark thread";
    private const string Content = "Hello from the benchmark: a short first message, as most are.";

    // The recipient exists and has not blocked the sender; the limit-th newest of the sender's messages
    // and new threads of the last day (one limit for each window here, so one read serves both).
    private const string ChecksSql = """
        SELECT EXISTS (SELECT 1 FROM AspNetUsers WHERE Id = @To),
               EXISTS (SELECT 1 FROM UserMessagesBlocks WHERE BlockedId = @From AND BlockerId = @To),
               (SELECT SentAt FROM UserMessagesMessages WHERE SenderId = @From AND SentAt > @DayAgo AND Kind = 0 ORDER BY SentAt DESC LIMIT 1 OFFSET @Skip),
               (SELECT CreatedAt FROM UserMessagesThreads WHERE CreatedById = @From AND CreatedAt > @DayAgo ORDER BY CreatedAt DESC LIMIT 1 OFFSET @Skip)
        """;

    private const string WriteSql = """
        UPDATE UserMessagesThreads SET LatestMessageId = @Message WHERE Id = @Thread;
        INSERT INTO UserMessagesParticipants (ThreadId, UserId, IsUnread, State, StateChangedAt, HasSent, LatestMessageAt, LastReadMessageId, JoinedAt, CountedUnread)
        VALUES (@Thread, @From, 0, 0, @Now, 1, @Now, @Message, @Now, 0), (@Thread, @To, 1, 0, @Now, 0, @Now, NULL, @Now, 1);
        INSERT INTO UserMessagesMailboxCounters (UserId, UnreadThreads) VALUES (@To, 1)
        ON CONFLICT (UserId) DO UPDATE SET UnreadThreads = UnreadThreads + 1;
        """;

    [Benchmark]
    public async Task<SentMessage> Library()
    {
        await using var scope = Db.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        var sent = await messages.StartThreadAsync(new NewThreadRequest(Db.Ids.User1, [Db.Ids.User2], Subject, Content));
        return sent.Succeeded ? sent.Value! : throw new InvalidOperationException($"Refused: {sent.Status}");
    }

    [Benchmark(Baseline = true)]
    public async Task<SentMessage> RawSql()
    {
        var (from, to, now) = (Db.Ids.User1, Db.Ids.User2, Now());
        await using var connection = await Db.OpenConnectionAsync();
        var (exists, blocked, limitthMessage, limitthThread) = await connection.QuerySingleAsync<(bool, bool, DateTime?, DateTime?)>(
            ChecksSql, new { From = from, To = to, DayAgo = now.AddDays(-1), Skip = BenchmarkServices.SendingLimit - 1 });
        if (!exists || blocked || Exceeded(limitthMessage, TimeSpan.FromMinutes(1), now) || Exceeded(limitthMessage, TimeSpan.FromDays(1), now)
            || Exceeded(limitthThread, TimeSpan.FromDays(1), now))
        {
            throw new InvalidOperationException("Refused.");
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var threadId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO UserMessagesThreads (Subject, CreatedAt, CreatedById, LatestMessageAt, LatestMessageId, ConcurrencyStamp) VALUES (@Subject, @Now, @From, @Now, 0, @Stamp) RETURNING Id",
                new { Subject, Now = now, From = from, Stamp = Guid.NewGuid().ToString() },
                transaction);
            var messageId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO UserMessagesMessages (ThreadId, SenderId, SentAt, Content, Kind) VALUES (@Thread, @From, @Now, @Content, 0) RETURNING Id",
                new { Thread = threadId, From = from, Now = now, Content },
                transaction);
            await connection.ExecuteAsync(WriteSql, new { Thread = threadId, Message = messageId, From = from, To = to, Now = now }, transaction);
            await transaction.CommitAsync();

            // The live update: the sender's name, the recipient's new unread count.
            await connection.QuerySingleAsync<string>("SELECT UserName FROM AspNetUsers WHERE Id = @From", new { From = from });
            await connection.QuerySingleOrDefaultAsync<int>("SELECT UnreadThreads FROM UserMessagesMailboxCounters WHERE UserId = @To", new { To = to });
            return new SentMessage(threadId, messageId);
        }
    }

    protected override Task WriteWithLibraryAsync() => Library();

    protected override Task WriteWithRawSqlAsync() => RawSql();
}
