using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Counters;

/// <summary>
/// Issue 5: the unread badge is a counter kept by every write. Whatever people do, it always equals
/// the number of unread threads in their inbox counted from the rows themselves.
/// </summary>
public sealed class UnreadCounterTests
{
    [Fact]
    public async Task Counter_EqualsTheUnreadThreadsInTheInbox_AfterEveryKindOfWrite()
    {
        await using var host = await MessagingHost.StartAsync();
        var ann = await host.CreateUserAsync("ann");
        var ben = await host.CreateUserAsync("ben");
        var cid = await host.CreateUserAsync("cid");

        var first = await StartAsync(host, ann, [ben, cid], "Plans");
        await AssertCountersAsync(host, (ann, 0), (ben, 1), (cid, 1));

        var second = await StartAsync(host, ben, [ann], "Lunch");
        await AssertCountersAsync(host, (ann, 1), (ben, 1), (cid, 1));

        await Do(host, s => s.ReplyAsync(ben, first, "Count me in"));
        await AssertCountersAsync(host, (ann, 2), (ben, 0), (cid, 1));

        // A second reply to a thread already unread does not count it twice.
        await Do(host, s => s.ReplyAsync(cid, first, "Me too"));
        await AssertCountersAsync(host, (ann, 2), (ben, 1), (cid, 0));

        await Do(host, s => s.MarkReadAsync(ann, first));
        await AssertCountersAsync(host, (ann, 1), (ben, 1), (cid, 0));

        await Do(host, s => s.MarkUnreadAsync(ann, first));
        await Do(host, s => s.MarkUnreadAsync(ann, first));
        await AssertCountersAsync(host, (ann, 2), (ben, 1), (cid, 0));

        // Out of the inbox, out of the badge; back in, counted again.
        await Do(host, s => s.ArchiveThreadAsync(ann, first));
        await AssertCountersAsync(host, (ann, 1), (ben, 1), (cid, 0));
        await Do(host, s => s.DeleteThreadAsync(ann, second));
        await AssertCountersAsync(host, (ann, 0), (ben, 1), (cid, 0));
        await Do(host, s => s.RestoreThreadAsync(ann, second));
        await AssertCountersAsync(host, (ann, 1), (ben, 1), (cid, 0));

        // A new message brings an archived thread back to the inbox, unread.
        await Do(host, s => s.ReplyAsync(ben, first, "Still on?"));
        await AssertCountersAsync(host, (ann, 2), (ben, 0), (cid, 1));

        await Do(host, s => s.ApplyToThreadsAsync(ann, ThreadAction.MarkRead, [first, second]));
        await AssertCountersAsync(host, (ann, 0), (ben, 0), (cid, 1));

        await Do(host, s => s.LeaveThreadAsync(cid, first));
        await AssertCountersAsync(host, (ann, 0), (ben, 0), (cid, 0));

        var dan = await host.CreateUserAsync("dan");
        await Do(host, s => s.AddParticipantsAsync(ann, first, [dan, cid]));
        await AssertCountersAsync(host, (ann, 0), (ben, 0), (cid, 1), (dan, 1));

        await Do(host, s => s.ReplyAsync(dan, first, "Hi all"));
        await AssertCountersAsync(host, (ann, 1), (ben, 1), (cid, 1), (dan, 0));
    }

    [Fact]
    public async Task ErasingSomeone_TakesTheirThreadsOutOfTheOthersCounters_WhenNothingUnreadRemains()
    {
        await using var host = await MessagingHost.StartAsync();
        var ann = await host.CreateUserAsync("ann");
        var ben = await host.CreateUserAsync("ben");
        var onlyBen = await StartAsync(host, ben, [ann], "Only Ben wrote");
        var both = await StartAsync(host, ann, [ben], "Both wrote");
        await Do(host, s => s.ReplyAsync(ben, both, "Reply from Ben"));
        await Do(host, s => s.MarkUnreadAsync(ann, both));
        var annWrote = await StartAsync(host, ann, [ben], "Ann's unread line");
        await Do(host, s => s.ReplyAsync(ben, annWrote, "Ben answers"));
        await Do(host, s => s.ReplyAsync(ann, annWrote, "Ann answers last, unread for Ben"));
        await AssertCountersAsync(host, (ann, 2), (ben, 1));

        await host.WithServiceAsync(async s =>
        {
            await s.EraseUserDataAsync(ben);
            return true;
        });

        // Ben's only thread is gone, "Both wrote" has only Ann's own message left: nothing unread for Ann.
        await AssertCountersAsync(host, (ann, 0));
        Assert.Equal(0, await host.WithDbAsync(db => db.MailboxCounters.CountAsync(c => c.UserId == ben)));
        Assert.Empty(await host.WithDbAsync(db => db.MessageThreads.Where(t => t.Id == onlyBen).ToListAsync()));
    }

    [Fact]
    public async Task Counter_StaysRight_OverManyRandomWrites()
    {
        await using var host = await MessagingHost.StartAsync();
        var users = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await host.CreateUserAsync($"user{i}"));
        }

        var random = new Random(20261125);
        var threads = new List<long>();
        for (var step = 0; step < 300; step++)
        {
            var user = users[random.Next(users.Count)];
            var others = users.Where(u => u != user).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList();
            var thread = threads.Count == 0 ? 0 : threads[random.Next(threads.Count)];
            var action = threads.Count == 0 ? 0 : random.Next(10);
            switch (action)
            {
                case 0:
                    threads.Add(await StartAsync(host, user, others, $"Thread {step}"));
                    break;
                case 1 or 2 or 3:
                    await TryAsync(host, s => s.ReplyAsync(user, thread, $"Reply {step}"));
                    break;
                case 4:
                    await TryAsync(host, s => s.MarkReadAsync(user, thread));
                    break;
                case 5:
                    await TryAsync(host, s => s.MarkUnreadAsync(user, thread));
                    break;
                case 6:
                    await TryAsync(host, s => s.ApplyToThreadsAsync(user, (ThreadAction)random.Next(5), threads.OrderBy(_ => random.Next()).Take(2).ToList()));
                    break;
                case 7:
                    await TryAsync(host, s => s.LeaveThreadAsync(user, thread));
                    break;
                case 8:
                    await TryAsync(host, s => s.AddParticipantsAsync(user, thread, others));
                    break;
                default:
                    await TryAsync(host, s => s.DeleteThreadAsync(user, thread));
                    break;
            }

            await AssertCountersMatchRowsAsync(host, users, $"after step {step} (action {action})");
        }
    }

    [Fact]
    public async Task Rebuild_PutsRightCountersThatWereWrittenAround()
    {
        await using var host = await MessagingHost.StartAsync();
        var ann = await host.CreateUserAsync("ann");
        var ben = await host.CreateUserAsync("ben");
        await StartAsync(host, ann, [ben], "One");
        await StartAsync(host, ann, [ben], "Two");
        await host.WithDbAsync(async db =>
        {
            await db.MailboxCounters.ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadThreads, 99));
            return await db.ThreadParticipants.Where(p => p.UserId == ann).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsUnread, true));
        });

        await host.WithServiceAsync(async s =>
        {
            await s.RebuildUnreadCountersAsync();
            return true;
        });

        await AssertCountersAsync(host, (ann, 2), (ben, 2));
        await Do(host, s => s.MarkReadAsync(ann, 1));
        await AssertCountersAsync(host, (ann, 1), (ben, 2));
    }

    private static async Task<long> StartAsync(MessagingHost host, string sender, IReadOnlyList<string> to, string subject)
    {
        var sent = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(sender, to, subject, "Hello")));
        Assert.True(sent.Succeeded);
        return sent.Value!.ThreadId;
    }

    private static async Task Do(MessagingHost host, Func<IUserMessagesService, Task<MessagingResult>> write)
        => Assert.True((await host.WithServiceAsync(write)).Succeeded);

    private static async Task Do(MessagingHost host, Func<IUserMessagesService, Task<MessagingResult<SentMessage>>> write)
        => Assert.True((await host.WithServiceAsync(write)).Succeeded);

    /// <summary>Random writes may be refused (not a participant any more, nothing selected): the counters must be right either way.</summary>
    private static Task TryAsync<T>(MessagingHost host, Func<IUserMessagesService, Task<T>> write) => host.WithServiceAsync(write);

    private static async Task AssertCountersAsync(MessagingHost host, params (string User, int Unread)[] expected)
    {
        foreach (var (user, unread) in expected)
        {
            Assert.Equal(unread, await host.WithServiceAsync(s => s.CountUnreadAsync(user)));
        }

        await AssertCountersMatchRowsAsync(host, expected.Select(e => e.User).ToList(), "");
    }

    private static async Task AssertCountersMatchRowsAsync(MessagingHost host, IReadOnlyList<string> users, string when)
    {
        foreach (var user in users)
        {
            var counted = await host.WithServiceAsync(s => s.CountUnreadAsync(user));
            var rows = await host.WithDbAsync(db => db.ThreadParticipants.CountAsync(p => p.UserId == user && p.State == ParticipantState.Active && p.IsUnread));
            Assert.True(rows == counted, $"{user}: counter {counted}, unread inbox rows {rows} {when}");
        }
    }
}
