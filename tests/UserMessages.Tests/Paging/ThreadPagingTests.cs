using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Paging;

/// <summary>A long thread opens on its newest messages, shown oldest first; older ones follow a page at a time.</summary>
public sealed class ThreadPagingTests
{
    private const int MessageCount = 25;

    [Fact]
    public async Task Thread_NewestPage_ShowsTheLastTenMessagesOldestFirst()
    {
        await using var host = await MessagingHost.StartAsync(o => o.ThreadPageSize = 10);
        var (alice, threadId, messageIds) = await LongThreadAsync(host);

        var page = await host.ThreadAsync(alice, threadId);

        Assert.Equal(messageIds.Skip(15), page.Messages.Select(m => m.Id));
        Assert.Null(page.NewerCursor);
        Assert.NotNull(page.OlderCursor);
    }

    [Fact]
    public async Task Thread_OlderPages_FollowWithNoDuplicateAndNoGap_AndTheOldestHasNoOlderCursor()
    {
        await using var host = await MessagingHost.StartAsync(o => o.ThreadPageSize = 10);
        var (alice, threadId, messageIds) = await LongThreadAsync(host);

        var pages = await WalkOlderAsync(host, alice, threadId);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Messages.Count));
        Assert.Equal(messageIds, Enumerable.Reverse(pages).SelectMany(p => p.Messages).Select(m => m.Id));
        Assert.Null(pages[2].OlderCursor);
        Assert.NotNull(pages[2].NewerCursor);
    }

    [Fact]
    public async Task Thread_NewerCursor_LeadsBackToExactlyTheNewerPage()
    {
        await using var host = await MessagingHost.StartAsync(o => o.ThreadPageSize = 10);
        var (alice, threadId, _) = await LongThreadAsync(host);
        var pages = await WalkOlderAsync(host, alice, threadId);

        var middle = await host.ThreadAsync(alice, threadId, new PageRequest(After: pages[2].NewerCursor));
        var newest = await host.ThreadAsync(alice, threadId, new PageRequest(After: pages[1].NewerCursor));

        Assert.Equal(pages[1].Messages.Select(m => m.Id), middle.Messages.Select(m => m.Id));
        Assert.Equal(pages[1].NewerCursor, middle.NewerCursor);
        Assert.Equal(pages[0].Messages.Select(m => m.Id), newest.Messages.Select(m => m.Id));
        Assert.Null(newest.NewerCursor);
    }

    [Fact]
    public async Task Thread_MessagesSentAtTheSameInstant_ArePagedWithNoDuplicateAndNoGap()
    {
        await using var host = await MessagingHost.StartAsync(o => o.ThreadPageSize = 3);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], content: "Message 0");
        var ids = new List<long> { sent.MessageId };
        for (var i = 1; i < 8; i++)
        {
            ids.Add((await host.ReplyAsync(i % 2 == 0 ? alice : bob, sent.ThreadId, $"Message {i}")).MessageId);
        }

        var pages = await WalkOlderAsync(host, alice, sent.ThreadId);

        Assert.Equal([3, 3, 2], pages.Select(p => p.Messages.Count));
        Assert.Equal(ids, Enumerable.Reverse(pages).SelectMany(p => p.Messages).Select(m => m.Id));
    }

    [Theory]
    [InlineData("garbage", null)]
    [InlineData(null, "123")]
    [InlineData("1-x", null)]
    public async Task Thread_WithAMalformedCursor_IsInvalidCursor(string? before, string? after)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        var result = await host.WithServiceAsync(s => s.GetThreadAsync(bob, sent.ThreadId, new PageRequest(before, after)));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("InvalidCursor", Assert.Single(result.Errors).Code);
    }

    private static async Task<List<ThreadPage>> WalkOlderAsync(MessagingHost host, string userId, long threadId)
    {
        var pages = new List<ThreadPage> { await host.ThreadAsync(userId, threadId) };
        while (pages[^1].OlderCursor is { } older && pages.Count < 20)
        {
            pages.Add(await host.ThreadAsync(userId, threadId, new PageRequest(Before: older)));
        }

        return pages;
    }

    /// <summary>A thread of 25 messages, a second apart, alternating between two users; returns the message ids oldest first.</summary>
    private static async Task<(string Alice, long ThreadId, List<long> MessageIds)> LongThreadAsync(MessagingHost host)
    {
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], content: "Message 0");
        var ids = new List<long> { sent.MessageId };
        for (var i = 1; i < MessageCount; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await host.ReplyAsync(i % 2 == 0 ? alice : bob, sent.ThreadId, $"Message {i}")).MessageId);
        }

        return (alice, sent.ThreadId, ids);
    }
}
