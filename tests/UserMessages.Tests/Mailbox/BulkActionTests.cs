using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Mailbox;

/// <summary>Issue 3 §2: one action on several threads at once, all or nothing.</summary>
public sealed class BulkActionTests
{
    [Fact]
    public async Task Bulk_ArchivesDeletesAndRestoresSeveralThreadsInOneCall()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var ids = await SendThreadsAsync(host, alice, bob, 3);

        Assert.True((await host.ApplyAsync(bob, ThreadAction.Archive, ids[0], ids[1])).Succeeded);
        Assert.Equal([ids[2]], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Equal([ids[1], ids[0]], await host.FolderThreadIdsAsync(bob, MailboxFolder.Archive));

        Assert.True((await host.ApplyAsync(bob, ThreadAction.Delete, ids)).Succeeded);
        Assert.Equal([ids[2], ids[1], ids[0]], await host.FolderThreadIdsAsync(bob, MailboxFolder.Trash));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Archive));

        Assert.True((await host.ApplyAsync(bob, ThreadAction.Restore, ids)).Succeeded);
        Assert.Equal([ids[2], ids[1], ids[0]], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Trash));
    }

    [Fact]
    public async Task Bulk_MarksSeveralThreadsReadThenUnread()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var ids = await SendThreadsAsync(host, alice, bob, 3);

        Assert.True((await host.ApplyAsync(bob, ThreadAction.MarkRead, ids)).Succeeded);
        Assert.Equal(0, await host.UnreadAsync(bob));

        Assert.True((await host.ApplyAsync(bob, ThreadAction.MarkUnread, ids[0], ids[2])).Succeeded);
        Assert.Equal(2, await host.UnreadAsync(bob));
        Assert.False((await host.ThreadAsync(bob, ids[1])).IsUnread);
    }

    [Fact]
    public async Task Bulk_DuplicateIds_AreFine()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var ids = await SendThreadsAsync(host, alice, bob, 2);

        var result = await host.ApplyAsync(bob, ThreadAction.Delete, ids[0], ids[1], ids[0], ids[1]);

        Assert.True(result.Succeeded);
        Assert.Equal(2, (await host.FolderThreadIdsAsync(bob, MailboxFolder.Trash)).Count);
    }

    public enum Intruder
    {
        SomeoneElsesThread,
        MissingThread,
        ThreadTheUserLeft,
    }

    [Theory]
    [InlineData(Intruder.SomeoneElsesThread, ThreadAction.Delete)]
    [InlineData(Intruder.SomeoneElsesThread, ThreadAction.MarkRead)]
    [InlineData(Intruder.MissingThread, ThreadAction.Archive)]
    [InlineData(Intruder.ThreadTheUserLeft, ThreadAction.MarkRead)]
    [InlineData(Intruder.ThreadTheUserLeft, ThreadAction.Restore)]
    public async Task Bulk_WithOneThreadNotTheUsers_IsNotFound_AndChangesNone(Intruder intruder, ThreadAction action)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var ids = await SendThreadsAsync(host, alice, bob, 2);
        await host.WithServiceAsync(s => s.ArchiveThreadAsync(bob, ids[1]));
        var bad = intruder switch
        {
            Intruder.SomeoneElsesThread => (await host.SendAsync(alice, [carol], "Not for bob")).ThreadId,
            Intruder.MissingThread => 999_999,
            _ => (await host.SendAsync(alice, [bob], "Left")).ThreadId,
        };
        if (intruder == Intruder.ThreadTheUserLeft)
        {
            Assert.True((await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, bad))).Succeeded);
        }

        var before = await host.StatesAsync(bob);
        var carolBefore = await host.StatesAsync(carol);

        var result = await host.ApplyAsync(bob, action, ids[0], bad, ids[1]);

        Assert.Equal(MessagingStatus.NotFound, result.Status);
        Assert.Equal(before, await host.StatesAsync(bob));
        Assert.Equal(carolBefore, await host.StatesAsync(carol));
    }

    [Fact]
    public async Task Bulk_WithNoThread_IsInvalid_NoThreadSelected()
    {
        await using var host = await MessagingHost.StartAsync();
        var bob = await host.CreateUserAsync("bob");

        var result = await host.ApplyAsync(bob, ThreadAction.Delete);

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("NoThreadSelected", Assert.Single(result.Errors).Code);
    }

    private static async Task<long[]> SendThreadsAsync(MessagingHost host, string from, string to, int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await host.SendAsync(from, [to], $"Thread {i}")).ThreadId;
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        return ids;
    }
}
