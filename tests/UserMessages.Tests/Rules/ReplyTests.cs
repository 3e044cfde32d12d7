using UserMessages.Domain;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.2: a reply.</summary>
public sealed class ReplyTests
{
    [Fact]
    public async Task Reply_MakesEveryOtherParticipantUnread_AndTheReplierRead()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol]);
        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));
        await host.WithServiceAsync(s => s.MarkReadAsync(carol, sent.ThreadId));

        await host.ReplyAsync(bob, sent.ThreadId);

        Assert.True((await host.ParticipantAsync(sent.ThreadId, alice)).IsUnread);
        Assert.True((await host.ParticipantAsync(sent.ThreadId, carol)).IsUnread);
        Assert.False((await host.ParticipantAsync(sent.ThreadId, bob)).IsUnread);
        Assert.Equal(1, await host.UnreadAsync(alice));
        Assert.Equal(0, await host.UnreadAsync(bob));
    }

    [Fact]
    public async Task Reply_RestoresThreadForParticipantWhoDeletedIt()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, sent.ThreadId));
        Assert.Empty(await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));

        await host.ReplyAsync(bob, sent.ThreadId);

        var inbox = await host.FolderAsync(alice, MailboxFolder.Inbox);
        Assert.Equal(sent.ThreadId, Assert.Single(inbox.Threads).ThreadId);
        Assert.True(inbox.Threads[0].IsUnread);
        Assert.Empty(await host.FolderThreadIdsAsync(alice, MailboxFolder.Trash));
        Assert.Equal(1, await host.UnreadAsync(alice));
    }

    [Fact]
    public async Task Reply_RestoresThreadForTheReplierWhoHadDeletedIt()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, sent.ThreadId));

        await host.ReplyAsync(bob, sent.ThreadId);

        var row = await host.ParticipantAsync(sent.ThreadId, bob);
        Assert.Equal(ParticipantState.Active, row.State);
        Assert.False(row.IsUnread);
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task Reply_MovesTheThreadToTheTopOfEveryInbox()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var oldest = await host.SendAsync(alice, [bob], subject: "Oldest");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await host.SendAsync(alice, [bob], subject: "Newer");
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        await host.ReplyAsync(bob, oldest.ThreadId);

        Assert.Equal([oldest.ThreadId, newer.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
        Assert.Equal([oldest.ThreadId, newer.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task Reply_PutsTheThreadInTheRepliersSentFolder()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        await host.ReplyAsync(bob, sent.ThreadId);

        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Sent));
    }

    [Fact]
    public async Task Reply_AppearsLastInTheThread_WithLineBreaksKept()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], content: "Question?");
        host.Clock.Advance(TimeSpan.FromSeconds(5));

        var reply = await host.ReplyAsync(bob, sent.ThreadId, "Answer,\r\nin two lines.");

        var messages = (await host.ThreadAsync(alice, sent.ThreadId)).Messages;
        Assert.Equal([sent.MessageId, reply.MessageId], messages.Select(m => m.Id));
        Assert.Equal("Answer,\nin two lines.", messages[1].Content);
        Assert.Equal(bob, messages[1].Sender.Id);
        Assert.Equal(new RowCounts(Threads: 1, Messages: 2, Participants: 2), await host.RowCountsAsync());
    }
}
