using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UserMessages.Blocking;
using UserMessages.Domain;
using UserMessages.Notifications;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Store;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Storage;

/// <summary>
/// On SQLite and PostgreSQL a reply and a new thread are SQL of the SQL store (<see cref="SqlMessageStore"/>:
/// the checks in one command, the write in two). They must answer and write exactly what the portable
/// store does, which a host with a query filter on a messaging table gets: the same refusals, and the same rows in every table afterwards, the unread
/// counters and the queued notifications included.
/// </summary>
public sealed class SendingStoreTests
{
    [Theory]
    [InlineData(4, 10)]
    [InlineData(0, 10)]
    [InlineData(4, 0)]
    [InlineData(0, 0)]
    public async Task SqlStore_AnswersAndWritesWhatThePortableStoreDoes(int perMinute, int perDay)
    {
        await using var written = await World<TestDbContext>.StartAsync(perMinute, perDay);
        await using var linq = await World<LinqRepliesDbContext>.StartAsync(perMinute, perDay);
        Assert.True(await written.WritesAsSqlAsync());
        Assert.False(await linq.WritesAsSqlAsync());

        var writtenOutcomes = await ScenarioAsync(written);
        var linqOutcomes = await ScenarioAsync(linq);

        Assert.Equal(linqOutcomes, writtenOutcomes);
        Assert.Equal(await linq.RowsAsync(), await written.RowsAsync());

        // The scenario reached every case it is meant to compare.
        Assert.Contains(writtenOutcomes, o => o.Contains("ConversationUnavailable", StringComparison.Ordinal));
        Assert.Contains(writtenOutcomes, o => o.StartsWith("NotFound", StringComparison.Ordinal));
        Assert.Contains(writtenOutcomes, o => o.Contains(nameof(MessagingStatus.Invalid), StringComparison.Ordinal));
        Assert.Equal(perMinute > 0, writtenOutcomes.Any(o => o.Contains("MessagesPerMinute", StringComparison.Ordinal)));
        Assert.Equal(perDay > 0, writtenOutcomes.Any(o => o.Contains("MessagesPerDay", StringComparison.Ordinal)));
        Assert.Equal(perDay > 0, writtenOutcomes.Any(o => o.Contains("NewThreadsPerDay", StringComparison.Ordinal)));
        Assert.Contains(writtenOutcomes, o => o.Contains("RecipientUnavailable:gina", StringComparison.Ordinal));
        Assert.Contains(writtenOutcomes, o => o.Contains("RecipientUnavailable:frank", StringComparison.Ordinal));
        Assert.Contains(writtenOutcomes, o => o.Contains("RecipientUnavailable:nobody", StringComparison.Ordinal));
        var rows = await written.RowsAsync();
        Assert.Contains(rows, r => r.StartsWith("notification", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("counter", StringComparison.Ordinal));
    }

    /// <summary>New threads and replies in every state a thread's rows can be in; returns each one's outcome.</summary>
    private static async Task<List<string>> ScenarioAsync(IWorld world)
    {
        var outcomes = new List<string>();
        async Task<long> OutcomeAsync(Func<IUserMessagesService, Task<MessagingResult<SentMessage>>> send)
        {
            var result = await world.WithServiceAsync(send);
            var errors = result.Errors.Select(e => $"{e.Code}:{e.Recipient}");
            outcomes.Add($"{result.Status} {result.RetryAfter} {string.Join(",", errors)} {(result.Succeeded ? $"{result.Value!.ThreadId}/{result.Value.MessageId}" : "-")}");
            return result.Succeeded ? result.Value!.ThreadId : 0;
        }

        Task ReplyAsync(string user, long thread, string content) => OutcomeAsync(s => s.ReplyAsync(user, thread, content));
        Task<long> SendAsync(string user, string[] to, string subject) => OutcomeAsync(s => s.StartThreadAsync(new NewThreadRequest(user, to, subject, "Hello " + subject)));

        async Task Do(Func<IUserMessagesService, Task<MessagingResult>> change)
            => Assert.True((await world.WithServiceAsync(change)).Succeeded);

        var group = await SendAsync("alice", ["dave", "bob", "carol"], "Plans");
        await ReplyAsync("bob", group, "Me");
        world.Clock.Advance(TimeSpan.FromSeconds(61));
        await Do(s => s.ArchiveThreadAsync("carol", group));
        await Do(s => s.DeleteThreadAsync("dave", group));
        await ReplyAsync("alice", group, "Both back in the inbox");

        // Same instant: the latest message still moves on to the newer id.
        await ReplyAsync("bob", group, "Same second");
        world.Clock.Advance(TimeSpan.FromSeconds(61));
        await Do(s => s.MarkReadAsync("carol", group));
        await world.WithServiceAsync(async s =>
        {
            await s.SetPreferencesAsync(new MessagingPreferences { UserId = "carol", NotifyByEmail = false });
            return true;
        });
        await Do(s => s.AddParticipantsAsync("alice", group, ["erin", "gina"]));
        await world.WithBlocksAsync(b => b.BlockAsync("erin", "bob"));

        // Erin blocked bob and the host's policy keeps him from gina: neither is notified of him.
        await ReplyAsync("bob", group, "Blocked by one, refused by another");
        world.Clock.Advance(TimeSpan.FromSeconds(61));
        await Do(s => s.LeaveThreadAsync("dave", group));
        await ReplyAsync("erin", group, "Dave left");
        await ReplyAsync("dave", group, "I left");
        await ReplyAsync("frank", group, "Never in it");
        await ReplyAsync("alice", group + 1000, "No such thread");
        await ReplyAsync("alice", group, "   ");

        // A conversation with only someone who blocked the replier is closed to them.
        var pair = await SendAsync("frank", ["bob"], "Hi");
        await world.WithBlocksAsync(b => b.BlockAsync("frank", "bob"));

        // New threads refused: to someone who blocked the sender, whom the host's policy keeps from
        // them, who does not exist; several reasons at once; then one to people with notifications off and on.
        await SendAsync("bob", ["frank"], "Blocked");
        await SendAsync("bob", ["gina", "alice"], "Policy");
        await SendAsync("alice", ["nobody", "bob"], "Unknown");
        await SendAsync("bob", ["erin", "gina", "nobody", "carol"], "All of it");
        await SendAsync("erin", ["gina", "carol", "alice", "frank"], "Four at once");
        await ReplyAsync("bob", pair, "Still there?");
        await ReplyAsync("frank", pair, "Yes");

        // Bursts until the limits refuse: four messages a minute, ten and four new threads a day (where they are on).
        for (var burst = 0; burst < 4; burst++)
        {
            world.Clock.Advance(TimeSpan.FromSeconds(61));
            for (var i = 0; i < 5; i++)
            {
                await ReplyAsync("alice", group, $"Burst {burst}.{i}");
                world.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        for (var i = 0; i < 6; i++)
        {
            world.Clock.Advance(TimeSpan.FromSeconds(61));
            await SendAsync("carol", ["dave"], $"Thread {i}");
        }

        return outcomes;
    }

    private interface IWorld
    {
        FakeTimeProvider Clock { get; }

        Task<T> WithServiceAsync<T>(Func<IUserMessagesService, Task<T>> work);

        Task WithBlocksAsync(Func<IUserBlockList, Task<MessagingResult>> work);
    }

    /// <summary>The messaging services over a SQLite in-memory database with <typeparamref name="TContext"/>, users with fixed ids, a notifier and a recipient policy.</summary>
    private sealed class World<TContext> : IWorld, IAsyncDisposable
        where TContext : UserMessagesIdentityDbContext<IdentityUser>
    {
        private readonly TestHost<TContext> host;

        private World(TestHost<TContext> host) => this.host = host;

        public FakeTimeProvider Clock => host.Clock;

        public static async Task<World<TContext>> StartAsync(int perMinute, int perDay)
        {
            var host = await new TestHostBuilder()
                .UseFakeClock()
                .AddIdentity<IdentityUser, string>()
                .ConfigureOptions(o =>
                {
                    o.Limits.MessagesPerMinute = perMinute;
                    o.Limits.MessagesPerDay = perDay;
                    o.Limits.NewThreadsPerDay = perDay > 0 ? 4 : 0;
                })
                .ConfigureMessaging(m => m.AddMessageNotifier<NoDigests>().AddRecipientPolicy<BobMayNotWriteToGina>())
                .StartAsync<TContext>();
            await host.InScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<IdentityUser>>();
                foreach (var name in new[] { "alice", "bob", "carol", "dave", "erin", "frank", "gina" })
                {
                    Assert.True((await users.CreateAsync(new IdentityUser(name) { Id = name })).Succeeded);
                }

                return true;
            });

            return new World<TContext>(host);
        }

        public Task<bool> WritesAsSqlAsync()
            => host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IMessageStore>() is SqlMessageStore));

        public Task<T> WithServiceAsync<T>(Func<IUserMessagesService, Task<T>> work) => host.WithServiceAsync(work);

        public Task WithBlocksAsync(Func<IUserBlockList, Task<MessagingResult>> work)
            => host.InScopeAsync(async sp =>
            {
                Assert.True((await work(sp.GetRequiredService<IUserBlockList>())).Succeeded);
                return true;
            });

        /// <summary>Every messaging row, as text, in a fixed order (the thread's random concurrency stamp left out).</summary>
        public Task<List<string>> RowsAsync() => host.WithDbAsync(async db =>
        {
            var rows = new List<string>();
            rows.AddRange((await db.Set<MessageThread>().IgnoreQueryFilters().OrderBy(t => t.Id).ToListAsync())
                .Select(t => $"thread {t.Id} {t.Subject} {t.CreatedById} {t.CreatedAt:O} {t.LatestMessageAt:O} {t.LatestMessageId}"));
            rows.AddRange((await db.Set<Message>().OrderBy(m => m.Id).ToListAsync())
                .Select(m => $"message {m.Id} {m.ThreadId} {m.SenderId} {m.SentAt:O} {m.Kind} {m.AboutUserId} {m.Content}"));
            rows.AddRange((await db.Set<ThreadParticipant>().OrderBy(p => p.ThreadId).ThenBy(p => p.UserId)
                    .Select(p => new { Row = p, Counted = EF.Property<bool>(p, ThreadParticipantConfiguration.CountedUnread) }).ToListAsync())
                .Select(p => $"participant {p.Row.ThreadId} {p.Row.UserId} {p.Row.State} {p.Row.IsUnread} {p.Counted} {p.Row.HasSent} {p.Row.LastReadMessageId} {p.Row.StateChangedAt:O} {p.Row.LatestMessageAt:O} {p.Row.JoinedAt:O}"));
            rows.AddRange((await db.Set<MailboxCounter>().OrderBy(c => c.UserId).ToListAsync()).Select(c => $"counter {c.UserId} {c.UnreadThreads}"));
            // A queue row's own id only says in which order one message's rows went in: left out.
            rows.AddRange((await db.Set<PendingNotification>().OrderBy(n => n.MessageId).ThenBy(n => n.RecipientId)
                    .Select(n => new { Row = n, Awaits = EF.Property<bool>(n, PendingNotificationConfiguration.AwaitsQuiet) }).ToListAsync())
                .Select(n => $"notification {n.Row.RecipientId} {n.Row.ThreadId} {n.Row.MessageId} {n.Row.DueAt:O} {n.Row.DeadlineAt:O} {n.Awaits}"));
            return rows;
        });

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }

    /// <summary>A host with a query filter on a messaging table (one that hides nothing): it gets the portable store.</summary>
    private sealed class LinqRepliesDbContext(DbContextOptions<LinqRepliesDbContext> options) : UserMessagesIdentityDbContext<IdentityUser>(options)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<MessagingPreferences>().HasQueryFilter(p => p.UserId != string.Empty);
        }
    }

    /// <summary>Turns notifications on (they are queued); the digests are not sent in this test.</summary>
    private sealed class NoDigests : IMessageNotifier
    {
        public Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class BobMayNotWriteToGina : IRecipientPolicy
    {
        public ValueTask<bool> AcceptsMessagesAsync(string senderId, string recipientId, CancellationToken cancellationToken)
            => ValueTask.FromResult(!(senderId == "bob" && recipientId == "gina"));
    }
}
