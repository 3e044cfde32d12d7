using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;

namespace UserMessages.Tests.Infrastructure;

/// <summary>
/// Fills the tables directly, in one SaveChanges, for tests that need hundreds of rows. Keeps the
/// invariants the service keeps: the thread's latest message id and time, and every participant's
/// copy of that time. Moves the clock past the last seeded message.
/// </summary>
public static class BulkSeed
{
    /// <summary><paramref name="count"/> threads from <paramref name="senderId"/> to <paramref name="recipientId"/>, one minute apart, unread for the recipient.</summary>
    public static async Task SeedThreadsAsync(this MessagingHost host, string senderId, string recipientId, int count)
    {
        await host.WithDbAsync(async db =>
        {
            var threadId = await NextThreadIdAsync(db);
            var messageId = await NextMessageIdAsync(db);
            var start = host.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < count; i++)
            {
                var at = start.AddMinutes(i);
                var thread = new MessageThread
                {
                    Id = threadId + i, Subject = $"Seeded {i}", CreatedAt = at, LatestMessageAt = at, LatestMessageId = messageId + i,
                };
                db.MessageThreads.Add(thread);
                db.Messages.Add(new Message { Id = messageId + i, ThreadId = thread.Id, SenderId = senderId, SentAt = at, Content = $"Seeded message {i}" });
                db.ThreadParticipants.Add(new ThreadParticipant
                {
                    ThreadId = thread.Id, UserId = senderId, HasSent = true, LatestMessageAt = at, JoinedAt = at, LastReadMessageId = messageId + i,
                });
                db.ThreadParticipants.Add(new ThreadParticipant { ThreadId = thread.Id, UserId = recipientId, IsUnread = true, LatestMessageAt = at, JoinedAt = at });
            }

            await db.SaveChangesAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(count + 1));
            return count;
        });

        // Rows written behind the service's back: the unread counters are rebuilt, as the API says to.
        await host.WithServiceAsync(async s =>
        {
            await s.RebuildUnreadCountersAsync();
            return true;
        });
    }

    /// <summary>Adds <paramref name="count"/> messages, one second apart, to an existing thread, alternating between two senders.</summary>
    public static Task SeedMessagesAsync(this MessagingHost host, long threadId, string firstSenderId, string secondSenderId, int count)
        => host.WithDbAsync(async db =>
        {
            var messageId = await NextMessageIdAsync(db);
            var start = host.Clock.GetUtcNow().UtcDateTime;
            var last = start;
            for (var i = 0; i < count; i++)
            {
                last = start.AddSeconds(i);
                var sender = i % 2 == 0 ? firstSenderId : secondSenderId;
                db.Messages.Add(new Message { Id = messageId + i, ThreadId = threadId, SenderId = sender, SentAt = last, Content = $"Seeded message {i}" });
            }

            var thread = await db.MessageThreads.SingleAsync(t => t.Id == threadId);
            thread.LatestMessageAt = last;
            thread.LatestMessageId = messageId + count - 1;
            foreach (var participant in await db.ThreadParticipants.Where(p => p.ThreadId == threadId).ToListAsync())
            {
                participant.LatestMessageAt = last;
            }

            await db.SaveChangesAsync();
            host.Clock.Advance(TimeSpan.FromSeconds(count + 1));
            return count;
        });

    private static async Task<long> NextThreadIdAsync(TestDbContext db) => (await db.MessageThreads.MaxAsync(t => (long?)t.Id) ?? 0) + 1;

    private static async Task<long> NextMessageIdAsync(TestDbContext db) => (await db.Messages.MaxAsync(m => (long?)m.Id) ?? 0) + 1;
}
