using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Sample.Data;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// Inserts many threads or messages at once (a SaveChanges or two), with the invariants the service keeps:
/// the thread's latest message id and time, and each participant row's copy of that time.
/// The database gives the ids, so the app's own inserts after it do not collide (PostgreSQL's
/// identity columns do not advance on explicit ids) and other tests' rows in the same app do not matter.
/// </summary>
public static class Seeder
{
    private static readonly DateTime Start = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// <paramref name="count"/> two-person threads between <paramref name="reader"/> and <paramref name="writer"/>
    /// ("Thread 1" the oldest), one message each from the writer, all read. Returns the thread ids, oldest first.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ThreadsAsync(MessagesFactory app, TestUser reader, TestUser writer, int count)
    {
        return await app.WithDbAsync(async db =>
        {
            var seeded = new List<(MessageThread Thread, Message Message, ThreadParticipant[] Rows)>();
            for (var i = 1; i <= count; i++)
            {
                var at = Start.AddMinutes(i);
                var thread = new MessageThread { Subject = $"Thread {i}", CreatedAt = at, LatestMessageAt = at };
                var message = new Message { Thread = thread, SenderId = writer.Id, SentAt = at, Content = $"Message of thread {i}" };
                var rows = new[] { reader, writer }.Select(user => new ThreadParticipant { Thread = thread, UserId = user.Id, HasSent = true, LatestMessageAt = at, JoinedAt = Start }).ToArray();
                db.AddRange(thread, message);
                db.AddRange(rows);
                seeded.Add((thread, message, rows));
            }

            await db.SaveChangesAsync();
            foreach (var (thread, message, rows) in seeded)
            {
                thread.LatestMessageId = message.Id;
                foreach (var row in rows)
                {
                    row.LastReadMessageId = message.Id;
                }
            }

            await db.SaveChangesAsync();
            return seeded.Select(s => s.Thread.Id).ToList();
        });
    }

    /// <summary>
    /// One thread "Long conversation" of <paramref name="count"/> messages ("Message 1" the oldest), alternating
    /// between the two users, read by both; returns its id and its message ids, oldest first.
    /// </summary>
    public static async Task<(long ThreadId, IReadOnlyList<long> MessageIds)> ThreadWithMessagesAsync(MessagesFactory app, TestUser reader, TestUser writer, int count)
    {
        return await app.WithDbAsync(async db =>
        {
            var latest = Start.AddMinutes(count);
            var thread = new MessageThread { Subject = "Long conversation", CreatedAt = Start.AddMinutes(1), LatestMessageAt = latest };
            var messages = Enumerable.Range(1, count)
                .Select(i => new Message { Thread = thread, SenderId = (i % 2 == 0 ? reader : writer).Id, SentAt = Start.AddMinutes(i), Content = $"Message {i}" })
                .ToList();
            var rows = new[] { reader, writer }.Select(user => new ThreadParticipant { Thread = thread, UserId = user.Id, HasSent = true, LatestMessageAt = latest, JoinedAt = Start }).ToList();
            db.Add(thread);
            db.AddRange(messages);
            db.AddRange(rows);
            await db.SaveChangesAsync();

            thread.LatestMessageId = messages[^1].Id;
            foreach (var row in rows)
            {
                row.LastReadMessageId = messages[^1].Id;
            }

            await db.SaveChangesAsync();
            return (thread.Id, (IReadOnlyList<long>)messages.Select(m => m.Id).ToList());
        });
    }

    /// <summary>
    /// <paramref name="count"/> two-person threads from <paramref name="writer"/> to <paramref name="reader"/>
    /// ("Thread 1" the oldest), one message each, in the reader's folder <paramref name="state"/> (and in
    /// both users' Sent), read or <paramref name="unread"/> by the reader. Returns the thread ids, oldest first.
    /// </summary>
    public static async Task<IReadOnlyList<long>> MailboxAsync(
        MessagesFactory app, TestUser reader, TestUser writer, int count, ParticipantState state = ParticipantState.Active, bool unread = false)
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var seeded = new List<(MessageThread Thread, Message Message, ThreadParticipant Reader, ThreadParticipant Writer)>();
            for (var i = 1; i <= count; i++)
            {
                var at = Start.AddMinutes(i);
                var thread = new MessageThread { Subject = $"Thread {i}", CreatedAt = at, CreatedById = writer.Id, LatestMessageAt = at };
                var message = new Message { Thread = thread, SenderId = writer.Id, SentAt = at, Content = $"Message of thread {i}" };
                var readerRow = Participant(thread, reader, at, state, unread);
                var writerRow = Participant(thread, writer, at, ParticipantState.Active, unread: false);
                db.AddRange(thread, message, readerRow, writerRow);
                seeded.Add((thread, message, readerRow, writerRow));
            }

            await db.SaveChangesAsync();
            foreach (var (thread, message, readerRow, writerRow) in seeded)
            {
                thread.LatestMessageId = message.Id;
                readerRow.LastReadMessageId = unread ? null : message.Id;
                writerRow.LastReadMessageId = message.Id;
            }

            await db.SaveChangesAsync();
            return seeded.Select(s => s.Thread.Id).ToList();
        });
        await RebuildUnreadCountersAsync(app);
        return ids;
    }

    /// <summary>
    /// One thread "Long conversation" of <paramref name="count"/> messages ("Message 1" the oldest),
    /// alternating between the two users, the newest from <paramref name="writer"/>, read or
    /// <paramref name="unread"/> by <paramref name="reader"/>, with <paramref name="others"/> in it too
    /// (having read it all); ids from the database. Returns its id.
    /// </summary>
    public static async Task<long> ConversationAsync(
        MessagesFactory app, TestUser reader, TestUser writer, int count, bool unread = false, IReadOnlyList<TestUser>? others = null)
    {
        var id = await app.WithDbAsync(async db =>
        {
            var latest = Start.AddMinutes(count);
            var thread = new MessageThread { Subject = "Long conversation", CreatedAt = Start.AddMinutes(1), CreatedById = writer.Id, LatestMessageAt = latest };
            var messages = Enumerable.Range(1, count)
                .Select(i => new Message { Thread = thread, SenderId = (count - i) % 2 == 0 ? writer.Id : reader.Id, SentAt = Start.AddMinutes(i), Content = $"Message {i}" })
                .ToList();
            var readerRow = Participant(thread, reader, latest, ParticipantState.Active, unread);
            var writerRow = Participant(thread, writer, latest, ParticipantState.Active, unread: false);
            db.Add(thread);
            db.AddRange(messages);
            var otherRows = (others ?? []).Select(user => Participant(thread, user, latest, ParticipantState.Active, unread: false)).ToList();
            db.AddRange(readerRow, writerRow);
            db.AddRange(otherRows);
            await db.SaveChangesAsync();

            thread.LatestMessageId = messages[^1].Id;
            readerRow.LastReadMessageId = unread ? null : messages[^1].Id;
            foreach (var row in otherRows.Append(writerRow))
            {
                row.LastReadMessageId = messages[^1].Id;
            }

            await db.SaveChangesAsync();
            return thread.Id;
        });
        await RebuildUnreadCountersAsync(app);
        return id;
    }

    /// <summary>Rows written around the service: its unread counters are rebuilt, as its documentation says.</summary>
    private static async Task RebuildUnreadCountersAsync(MessagesFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().RebuildUnreadCountersAsync();
    }

    /// <summary>
    /// <paramref name="count"/> Identity users <c>{prefix}{i}@example.com</c> in one SaveChanges (UserManager
    /// costs several statements each), known to the test sign-in like users of <see cref="MessagesFactory.CreateUserAsync"/>.
    /// </summary>
    public static async Task<IReadOnlyList<TestUser>> UsersAsync(MessagesFactory app, string prefix, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        var users = Enumerable.Range(1, count).Select(i => $"{prefix}{i}@example.com").Select(email => new IdentityUser
        {
            UserName = email,
            NormalizedUserName = manager.NormalizeName(email),
            Email = email,
            NormalizedEmail = manager.NormalizeEmail(email),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();

        // Without a public name the pages show the part of the address before the @.
        var created = users.Select(u => new TestUser(u.Id, u.UserName!, u.UserName!.Split('@')[0])).ToList();
        foreach (var user in created)
        {
            app.UserNames.Add(user);
        }

        return created;
    }

    /// <summary><paramref name="blocker"/> blocks every one of <paramref name="blocked"/> (the first one blocked first).</summary>
    public static async Task BlocksAsync(MessagesFactory app, TestUser blocker, IReadOnlyList<TestUser> blocked)
    {
        await app.WithDbAsync(async db =>
        {
            db.AddRange(blocked.Select((user, i) => new UserBlock { BlockerId = blocker.Id, BlockedId = user.Id, CreatedAt = Start.AddMinutes(i) }));
            return await db.SaveChangesAsync();
        });
    }

    private static ThreadParticipant Participant(MessageThread thread, TestUser user, DateTime latest, ParticipantState state, bool unread) => new()
    {
        Thread = thread,
        UserId = user.Id,
        State = state,
        IsUnread = unread,
        HasSent = true,
        LatestMessageAt = latest,
        JoinedAt = Start,
        StateChangedAt = latest,
    };
}
