using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Reading;

/// <summary>What a thread page tells its reader: everyone in it, who wrote what, and where the unread part starts.</summary>
public sealed class ThreadPageTests
{
    [Fact]
    public async Task ThreadPage_ListsEveryParticipantAndEverySenderByUserName()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol], subject: "Plans");
        await host.ReplyAsync(carol, sent.ThreadId, "Count me in.");

        var page = await host.ThreadAsync(bob, sent.ThreadId);

        Assert.Equal("Plans", page.Subject);
        Assert.Equal(["alice", "bob", "carol"], page.Participants.Select(u => u.DisplayName).Order());
        Assert.Equal(["alice", "carol"], page.Messages.Select(m => m.Sender.DisplayName));
    }

    [Fact]
    public async Task FirstUnreadMessage_OfANewThread_IsItsFirstMessage_ForTheRecipientOnly()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        Assert.Equal(sent.MessageId, (await host.ThreadAsync(bob, sent.ThreadId)).FirstUnreadMessageId);
        Assert.Null((await host.ThreadAsync(alice, sent.ThreadId)).FirstUnreadMessageId);
    }

    [Fact]
    public async Task FirstUnreadMessage_PointsAtTheFirstMessageFromSomeoneElseSinceTheUserLastRead()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], content: "First");
        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await host.ReplyAsync(alice, sent.ThreadId, "Second");
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.ReplyAsync(alice, sent.ThreadId, "Third");

        Assert.Equal(second.MessageId, (await host.ThreadAsync(bob, sent.ThreadId)).FirstUnreadMessageId);
    }

    [Fact]
    public async Task FirstUnreadMessage_SkipsTheUsersOwnReplies()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol], content: "First");
        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.ReplyAsync(bob, sent.ThreadId, "Bob's own");
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var fromCarol = await host.ReplyAsync(carol, sent.ThreadId, "Carol answers");

        Assert.Equal(fromCarol.MessageId, (await host.ThreadAsync(bob, sent.ThreadId)).FirstUnreadMessageId);
    }

    [Fact]
    public async Task FirstUnreadMessage_IsNullOnceTheThreadIsRead()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));

        var page = await host.ThreadAsync(bob, sent.ThreadId);
        Assert.False(page.IsUnread);
        Assert.Null(page.FirstUnreadMessageId);
    }
}
