using UserMessages.Domain;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.5: the unread count counts non-deleted unread threads, not messages.</summary>
public sealed class UnreadCountTests
{
    [Fact]
    public async Task CountUnread_CountsThreadsNotMessages()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var first = await host.SendAsync(alice, [bob], subject: "Three messages");
        await host.ReplyAsync(alice, first.ThreadId, "Second");
        await host.ReplyAsync(alice, first.ThreadId, "Third");

        Assert.Equal(1, await host.UnreadAsync(bob));

        await host.SendAsync(alice, [bob], subject: "Another thread");
        Assert.Equal(2, await host.UnreadAsync(bob));
    }

    [Fact]
    public async Task CountUnread_IgnoresDeletedThreads()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var kept = await host.SendAsync(alice, [bob], subject: "Kept");
        var deleted = await host.SendAsync(alice, [bob], subject: "Deleted");

        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, deleted.ThreadId));

        Assert.Equal(1, await host.UnreadAsync(bob));
        Assert.Equal([kept.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task CountUnread_IsZeroForTheSenderOfANewThread_AndForAStranger()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var stranger = await host.CreateUserAsync("stranger");

        await host.SendAsync(alice, [bob]);

        Assert.Equal(0, await host.UnreadAsync(alice));
        Assert.Equal(0, await host.UnreadAsync(stranger));
    }
}
