using UserMessages.Domain;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Mailbox;

/// <summary>Issue 3 §1: Archive, Trash and Restore move a thread between one user's folders; mark unread; the unread count follows.</summary>
public sealed class ArchiveAndStateTests
{
    [Fact]
    public async Task Archive_HidesTheThreadFromTheInbox_ListsItInArchive_AndKeepsItInSent()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        Assert.True((await host.WithServiceAsync(s => s.ArchiveThreadAsync(alice, sent.ThreadId))).Succeeded);

        Assert.DoesNotContain(sent.ThreadId, await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Archive));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Sent));
        Assert.Equal(ParticipantState.Archived, (await host.ThreadAsync(alice, sent.ThreadId)).State);
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task ReplyFromSomeoneElse_BringsAnArchivedThreadBackToTheInbox_Unread()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.ArchiveThreadAsync(bob, sent.ThreadId));
        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReplyAsync(alice, sent.ThreadId, "Still there?");

        var inbox = await host.FolderAsync(bob, MailboxFolder.Inbox);
        var row = Assert.Single(inbox.Threads);
        Assert.Equal(sent.ThreadId, row.ThreadId);
        Assert.True(row.IsUnread);
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Archive));
        Assert.Equal(1, await host.UnreadAsync(bob));
    }

    [Theory]
    [InlineData(MailboxFolder.Archive)]
    [InlineData(MailboxFolder.Trash)]
    public async Task Restore_BringsTheThreadBackToTheInbox(MailboxFolder from)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => from == MailboxFolder.Archive ? s.ArchiveThreadAsync(bob, sent.ThreadId) : s.DeleteThreadAsync(bob, sent.ThreadId));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, from));

        Assert.True((await host.WithServiceAsync(s => s.RestoreThreadAsync(bob, sent.ThreadId))).Succeeded);

        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, from));
        Assert.Equal(ParticipantState.Active, (await host.ThreadAsync(bob, sent.ThreadId)).State);
    }

    [Fact]
    public async Task MarkUnread_MakesAReadThreadUnreadAgain_AndCountsIt()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));
        Assert.Equal(0, await host.UnreadAsync(bob));

        Assert.True((await host.WithServiceAsync(s => s.MarkUnreadAsync(bob, sent.ThreadId))).Succeeded);

        Assert.Equal(1, await host.UnreadAsync(bob));
        Assert.True((await host.ThreadAsync(bob, sent.ThreadId)).IsUnread);
        Assert.True(Assert.Single((await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads).IsUnread);
        Assert.Equal(0, await host.UnreadAsync(alice));
    }

    [Fact]
    public async Task ArchivedAndDeletedThreads_DoNotCountAsUnread_UntilRestored()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var archived = await host.SendAsync(alice, [bob], "Archived");
        var deleted = await host.SendAsync(alice, [bob], "Deleted");
        var kept = await host.SendAsync(alice, [bob], "Kept");
        await host.WithServiceAsync(s => s.ArchiveThreadAsync(bob, archived.ThreadId));
        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, deleted.ThreadId));

        Assert.Equal(1, await host.UnreadAsync(bob));
        Assert.True(Assert.Single((await host.FolderAsync(bob, MailboxFolder.Archive)).Threads).IsUnread);

        await host.WithServiceAsync(s => s.RestoreThreadAsync(bob, archived.ThreadId));
        await host.WithServiceAsync(s => s.RestoreThreadAsync(bob, deleted.ThreadId));

        Assert.Equal(3, await host.UnreadAsync(bob));
        Assert.Equal(ParticipantState.Active, (await host.ThreadAsync(bob, kept.ThreadId)).State);
    }

    [Fact]
    public async Task GetThread_ReportsWhereTheThreadIsForThatUserOnly()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, sent.ThreadId));
        await host.WithServiceAsync(s => s.ArchiveThreadAsync(alice, sent.ThreadId));

        Assert.Equal(ParticipantState.Deleted, (await host.ThreadAsync(bob, sent.ThreadId)).State);
        Assert.Equal(ParticipantState.Archived, (await host.ThreadAsync(alice, sent.ThreadId)).State);
    }
}
