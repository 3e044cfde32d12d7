using UserMessages.Domain;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.1: a new thread.</summary>
public sealed class NewThreadTests
{
    [Fact]
    public async Task StartThread_CreatesOneThreadOneMessageAndOneParticipantRowPerPerson()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");

        await host.SendAsync(alice, [bob, carol]);

        Assert.Equal(new RowCounts(Threads: 1, Messages: 1, Participants: 3), await host.RowCountsAsync());
    }

    [Fact]
    public async Task StartThread_LeavesRecipientsUnreadAndNotDeleted_AndSenderRead()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");

        var sent = await host.SendAsync(alice, [bob, carol]);

        foreach (var recipient in new[] { bob, carol })
        {
            var row = await host.ParticipantAsync(sent.ThreadId, recipient);
            Assert.True(row.IsUnread);
            Assert.Equal(ParticipantState.Active, row.State);
        }

        var sender = await host.ParticipantAsync(sent.ThreadId, alice);
        Assert.False(sender.IsUnread);
        Assert.Equal(ParticipantState.Active, sender.State);
    }

    [Fact]
    public async Task StartThread_ShowsInSendersInboxAndSentFolder()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.SendAsync(alice, [bob]);

        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Sent));
        Assert.False((await host.FolderAsync(alice, MailboxFolder.Inbox)).Threads[0].IsUnread);
    }

    [Fact]
    public async Task StartThread_ShowsUnreadInRecipientsInbox_ButNotInTheirSentFolder()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.SendAsync(alice, [bob]);

        var inbox = await host.FolderAsync(bob, MailboxFolder.Inbox);
        Assert.Equal(sent.ThreadId, Assert.Single(inbox.Threads).ThreadId);
        Assert.True(inbox.Threads[0].IsUnread);
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Sent));
        Assert.Equal(1, await host.UnreadAsync(bob));
    }

    [Fact]
    public async Task StartThread_TrimsTheSubject()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.SendAsync(alice, [bob], subject: "   Lunch on Friday?  \t");

        Assert.Equal("Lunch on Friday?", (await host.ThreadAsync(bob, sent.ThreadId)).Subject);
        Assert.Equal("Lunch on Friday?", (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads[0].Subject);
    }

    [Fact]
    public async Task StartThread_KeepsLineBreaksAsNewlines()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.SendAsync(alice, [bob], content: "Dear Bob,\r\n\r\nsee you soon.\rAlice");

        var message = Assert.Single((await host.ThreadAsync(bob, sent.ThreadId)).Messages);
        Assert.Equal("Dear Bob,\n\nsee you soon.\nAlice", message.Content);
    }
}
