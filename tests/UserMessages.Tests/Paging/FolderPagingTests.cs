using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Paging;

/// <summary>Folders are paged with keyset cursors: newest first, no thread twice, none missing.</summary>
public sealed class FolderPagingTests
{
    private const int ThreadCount = 60;

    [Fact]
    public async Task Inbox_OfSixtyThreads_ComesInPagesOf25_25_10_NewestFirst_WithNoDuplicateAndNoGap()
    {
        await using var host = await MessagingHost.StartAsync(o => o.PageSize = 25);
        var (_, bob, sentNewestFirst) = await SendSixtyThreadsAsync(host);

        var pages = await WalkOlderAsync(host, bob, MailboxFolder.Inbox);

        Assert.Equal([25, 25, 10], pages.Select(p => p.Threads.Count));
        Assert.Equal(sentNewestFirst, pages.SelectMany(p => p.Threads).Select(t => t.ThreadId));
    }

    [Fact]
    public async Task Inbox_FirstPageHasNoNewerCursor_AndLastPageNoOlderCursor()
    {
        await using var host = await MessagingHost.StartAsync(o => o.PageSize = 25);
        var (_, bob, _) = await SendSixtyThreadsAsync(host);

        var pages = await WalkOlderAsync(host, bob, MailboxFolder.Inbox);

        Assert.Null(pages[0].NewerCursor);
        Assert.NotNull(pages[0].OlderCursor);
        Assert.NotNull(pages[1].NewerCursor);
        Assert.NotNull(pages[1].OlderCursor);
        Assert.NotNull(pages[2].NewerCursor);
        Assert.Null(pages[2].OlderCursor);
    }

    [Fact]
    public async Task Inbox_NewerCursorOfSecondPage_LeadsBackToExactlyTheFirstPage()
    {
        await using var host = await MessagingHost.StartAsync(o => o.PageSize = 25);
        var (_, bob, _) = await SendSixtyThreadsAsync(host);
        var pages = await WalkOlderAsync(host, bob, MailboxFolder.Inbox);

        var back = await host.FolderAsync(bob, MailboxFolder.Inbox, new PageRequest(After: pages[1].NewerCursor));

        Assert.Equal(pages[0].Threads.Select(t => t.ThreadId), back.Threads.Select(t => t.ThreadId));
        Assert.Null(back.NewerCursor);
        Assert.Equal(pages[0].OlderCursor, back.OlderCursor);
    }

    [Fact]
    public async Task Inbox_NewerCursorOfLastPage_LeadsBackToExactlyTheSecondPage()
    {
        await using var host = await MessagingHost.StartAsync(o => o.PageSize = 25);
        var (_, bob, _) = await SendSixtyThreadsAsync(host);
        var pages = await WalkOlderAsync(host, bob, MailboxFolder.Inbox);

        var back = await host.FolderAsync(bob, MailboxFolder.Inbox, new PageRequest(After: pages[2].NewerCursor));

        Assert.Equal(pages[1].Threads.Select(t => t.ThreadId), back.Threads.Select(t => t.ThreadId));
        Assert.Equal(pages[1].NewerCursor, back.NewerCursor);
        Assert.Equal(pages[1].OlderCursor, back.OlderCursor);
    }

    [Fact]
    public async Task SentFolder_IsPagedTheSameWay()
    {
        await using var host = await MessagingHost.StartAsync(o => o.PageSize = 25);
        var (alice, _, sentNewestFirst) = await SendSixtyThreadsAsync(host);

        var pages = await WalkOlderAsync(host, alice, MailboxFolder.Sent);

        Assert.Equal([25, 25, 10], pages.Select(p => p.Threads.Count));
        Assert.Equal(sentNewestFirst, pages.SelectMany(p => p.Threads).Select(t => t.ThreadId));
    }

    [Fact]
    public async Task Inbox_ThreadsWithTheSameLatestTime_ArePagedWithNoDuplicateAndNoGap()
    {
        await using var host = await MessagingHost.StartAsync(o => o.PageSize = 4);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            sent.Add((await host.SendAsync(alice, [bob], subject: $"Same instant {i}")).ThreadId);
        }

        var pages = await WalkOlderAsync(host, bob, MailboxFolder.Inbox);

        Assert.Equal([4, 4, 2], pages.Select(p => p.Threads.Count));
        Assert.Equal(Enumerable.Reverse(sent), pages.SelectMany(p => p.Threads).Select(t => t.ThreadId));
    }

    [Theory]
    [InlineData("not-a-cursor", null)]
    [InlineData("12345", null)]
    [InlineData("-5", null)]
    [InlineData("5-", null)]
    [InlineData("1-2-3", null)]
    [InlineData(null, "99999999999999999999-1")]
    [InlineData(null, "")]
    public async Task Folder_WithAMalformedCursor_IsInvalidCursor(string? before, string? after)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob]);

        var result = await host.WithServiceAsync(s => s.GetFolderAsync(bob, MailboxFolder.Inbox, new PageRequest(before, after)));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("InvalidCursor", Assert.Single(result.Errors).Code);
    }

    private static async Task<List<FolderPage>> WalkOlderAsync(MessagingHost host, string userId, MailboxFolder folder)
    {
        var pages = new List<FolderPage> { await host.FolderAsync(userId, folder) };
        while (pages[^1].OlderCursor is { } older && pages.Count < 20)
        {
            pages.Add(await host.FolderAsync(userId, folder, new PageRequest(Before: older)));
        }

        return pages;
    }

    private static async Task<(string Alice, string Bob, List<long> SentNewestFirst)> SendSixtyThreadsAsync(MessagingHost host)
    {
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = new List<long>();
        for (var i = 0; i < ThreadCount; i++)
        {
            sent.Add((await host.SendAsync(alice, [bob], subject: $"Thread {i}")).ThreadId);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        sent.Reverse();
        return (alice, bob, sent);
    }
}
