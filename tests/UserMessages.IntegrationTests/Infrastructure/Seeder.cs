using UserMessages.Domain;
using UserMessages.Sample.Data;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// Inserts many threads or messages in one SaveChanges, with the invariants the service keeps:
/// the thread's latest message id and time, and each participant row's copy of that time.
/// Ids are given explicitly so the latest message is known before the insert.
/// </summary>
public static class Seeder
{
    private static readonly DateTime Start = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary><paramref name="count"/> two-person threads between <paramref name="reader"/> and <paramref name="writer"/>, one message each, all read.</summary>
    public static async Task ThreadsAsync(MessagesFactory app, TestUser reader, TestUser writer, int count)
    {
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= count; i++)
            {
                var at = Start.AddMinutes(i);
                db.MessageThreads.Add(new MessageThread { Id = i, Subject = $"Thread {i}", CreatedAt = at, LatestMessageAt = at, LatestMessageId = i });
                db.Messages.Add(new Message { Id = i, ThreadId = i, SenderId = writer.Id, SentAt = at, Content = $"Message of thread {i}" });
                AddParticipants(db, i, at, reader, writer);
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>One thread of <paramref name="count"/> messages, alternating between the two users, read by both; returns its id.</summary>
    public static async Task<long> ThreadWithMessagesAsync(MessagesFactory app, TestUser reader, TestUser writer, int count)
    {
        const long threadId = 1;
        var latest = Start.AddMinutes(count);
        await app.WithDbAsync(async db =>
        {
            db.MessageThreads.Add(new MessageThread { Id = threadId, Subject = "Long conversation", CreatedAt = Start.AddMinutes(1), LatestMessageAt = latest, LatestMessageId = count });
            for (var i = 1; i <= count; i++)
            {
                var sender = i % 2 == 0 ? reader : writer;
                db.Messages.Add(new Message { Id = i, ThreadId = threadId, SenderId = sender.Id, SentAt = Start.AddMinutes(i), Content = $"Message {i}" });
            }

            AddParticipants(db, threadId, latest, reader, writer, lastRead: count);
            return await db.SaveChangesAsync();
        });
        return threadId;
    }

    private static void AddParticipants(SampleDbContext db, long threadId, DateTime latest, TestUser reader, TestUser writer, long? lastRead = null)
    {
        foreach (var user in new[] { reader, writer })
        {
            db.ThreadParticipants.Add(new ThreadParticipant
            {
                ThreadId = threadId,
                UserId = user.Id,
                HasSent = true,
                LatestMessageAt = latest,
                JoinedAt = Start,
                LastReadMessageId = lastRead ?? threadId,
            });
        }
    }
}
