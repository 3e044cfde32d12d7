using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Limits;

/// <summary>Issue 3 §7: messages per day and new threads per day; Retry-After counts to when the oldest counted one leaves the day.</summary>
public sealed class DailyLimitTests
{
    [Fact]
    public async Task MessagesPerDay_RepliesCount_AndRetryAfterIsWhenTheOldestLeavesTheDay()
    {
        await using var host = await MessagingHost.StartAsync(o => o.Limits.MessagesPerDay = 3);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.ReplyAsync(alice, sent.ThreadId);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.ReplyAsync(alice, sent.ThreadId);
        host.Clock.Advance(TimeSpan.FromHours(1));
        var rows = await host.RowCountsAsync();

        var refused = await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "Fourth"));

        Assert.Equal(MessagingStatus.RateLimited, refused.Status);
        Assert.Equal("TooManyMessagesPerDay", Assert.Single(refused.Errors).Code);
        Assert.Equal(TimeSpan.FromHours(21), refused.RetryAfter);
        Assert.Equal(rows, await host.RowCountsAsync());

        host.Clock.Advance(TimeSpan.FromHours(21) - TimeSpan.FromSeconds(1));
        Assert.Equal(MessagingStatus.RateLimited, (await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "Fourth"))).Status);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "Fourth"))).Succeeded);
    }

    [Fact]
    public async Task MessagesPerDay_AlsoStopsNewThreads()
    {
        await using var host = await MessagingHost.StartAsync(o => o.Limits.MessagesPerDay = 2);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.ReplyAsync(alice, sent.ThreadId);

        var refused = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Another", "Hi")));

        Assert.Equal(MessagingStatus.RateLimited, refused.Status);
        Assert.Equal(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(5), refused.RetryAfter);
    }

    [Fact]
    public async Task NewThreadsPerDay_StopsTheNextThread_ButNotReplies_UntilTheOldestThreadLeavesTheDay()
    {
        await using var host = await MessagingHost.StartAsync(o => o.Limits.NewThreadsPerDay = 2);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var first = await host.SendAsync(alice, [bob], "One");
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.SendAsync(alice, [bob], "Two");
        host.Clock.Advance(TimeSpan.FromHours(2));
        var rows = await host.RowCountsAsync();

        var refused = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Three", "Hi")));

        Assert.Equal(MessagingStatus.RateLimited, refused.Status);
        Assert.Equal("TooManyNewThreadsPerDay", Assert.Single(refused.Errors).Code);
        Assert.Equal(TimeSpan.FromHours(20), refused.RetryAfter);
        Assert.Equal(rows, await host.RowCountsAsync());
        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(alice, first.ThreadId, "Replies are fine"))).Succeeded);

        host.Clock.Advance(TimeSpan.FromHours(20));
        Assert.True((await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Three", "Hi")))).Succeeded);
    }
}
