using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Limits;

/// <summary>Issue 3 §7: messages a user may send per minute; a refusal says when to try again and saves nothing.</summary>
public sealed class MessagesPerMinuteTests
{
    private static Task<MessagingHost> StartAsync() => MessagingHost.StartAsync(o => o.Limits.MessagesPerMinute = 3);

    [Fact]
    public async Task FourthMessageWithinAMinute_IsRateLimited_WithRetryAfterUpToAMinute_AndNothingSaved()
    {
        await using var host = await StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        for (var i = 0; i < 3; i++)
        {
            await host.SendAsync(alice, [bob], $"Thread {i}");
        }

        var rows = await host.RowCountsAsync();

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "One more", "Hi")));

        Assert.Equal(MessagingStatus.RateLimited, result.Status);
        Assert.Equal("TooManyMessagesPerMinute", Assert.Single(result.Errors).Code);
        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(60));
        Assert.Equal(rows, await host.RowCountsAsync());
    }

    [Fact]
    public async Task RetryAfter_IsWhenTheOldestMessageOfTheMinuteLeavesIt_AndThenSendingWorks()
    {
        await using var host = await StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await host.ReplyAsync(alice, sent.ThreadId);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await host.ReplyAsync(alice, sent.ThreadId);
        host.Clock.Advance(TimeSpan.FromSeconds(10));

        var refused = await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "Fourth"));
        Assert.Equal(MessagingStatus.RateLimited, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);

        host.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(MessagingStatus.RateLimited, (await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "Fourth"))).Status);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "Fourth"))).Succeeded);
    }

    [Fact]
    public async Task AfterAMinute_SendingWorksAgain()
    {
        await using var host = await StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.ReplyAsync(alice, sent.ThreadId);
        await host.ReplyAsync(alice, sent.ThreadId);
        Assert.Equal(MessagingStatus.RateLimited, (await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "x"))).Status);

        host.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "x"))).Succeeded);
    }

    [Fact]
    public async Task TheLimitIsPerUser_OthersCanStillReply()
    {
        await using var host = await StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.ReplyAsync(alice, sent.ThreadId);
        await host.ReplyAsync(alice, sent.ThreadId);

        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, "Slow down"))).Succeeded);
    }

    [Fact]
    public async Task SystemLines_DoNotCountTowardTheLimit()
    {
        await using var host = await StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var dave = await host.CreateUserAsync("dave");
        var sent = await host.SendAsync(alice, [bob]);
        var other = await host.SendAsync(bob, [alice]);

        // Two "joined" lines written by alice and one "left" line: none is a message she wrote.
        Assert.True((await host.WithServiceAsync(s => s.AddParticipantsAsync(alice, sent.ThreadId, [carol, dave]))).Succeeded);
        Assert.True((await host.WithServiceAsync(s => s.LeaveThreadAsync(alice, other.ThreadId))).Succeeded);

        await host.ReplyAsync(alice, sent.ThreadId, "second");
        await host.ReplyAsync(alice, sent.ThreadId, "third");
        Assert.Equal(MessagingStatus.RateLimited, (await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "fourth"))).Status);
    }

    [Fact]
    public async Task LimitsOfZero_AreOff_NothingIsRefused()
    {
        await using var host = await MessagingHost.StartAsync(o =>
        {
            o.Limits.MessagesPerMinute = 0;
            o.Limits.MessagesPerDay = 0;
            o.Limits.NewThreadsPerDay = 0;
        });
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        // More new threads and messages within one minute than any default limit allows (50 threads, 10 a minute).
        for (var i = 0; i < 60; i++)
        {
            var started = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], $"Thread {i}", "Hi")));
            Assert.True(started.Succeeded, $"thread {i}: {started.Status}");
        }

        Assert.Equal(60, await host.WithServiceAsync(s => s.CountUnreadAsync(bob)));
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    public void NegativeLimits_AreRefusedAtStartUp(int perMinute, int perDay, int threadsPerDay)
    {
        using var services = new TestHostBuilder()
            .ConfigureOptions(o =>
            {
                o.Limits.MessagesPerMinute = perMinute;
                o.Limits.MessagesPerDay = perDay;
                o.Limits.NewThreadsPerDay = threadsPerDay;
            }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<UserMessagesOptions>>().Value);
        Assert.Contains("Limits.", error.Message, StringComparison.Ordinal);
    }
}
