using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.4: delete hides a thread for one user, destroys nothing, and can be undone from the Trash.</summary>
public sealed class DeleteAndRestoreTests
{
    [Fact]
    public async Task Delete_HidesTheThreadFromThatUsersInboxAndSentOnly()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        var result = await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, sent.ThreadId));

        Assert.Equal(MessagingStatus.Succeeded, result.Status);
        Assert.Empty(await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(alice, MailboxFolder.Sent));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Equal(ParticipantState.Active, (await host.ParticipantAsync(sent.ThreadId, bob)).State);
    }

    [Fact]
    public async Task Delete_DestroysNoRecord_AndTheDeleterCanStillReadTheThread()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.ReplyAsync(bob, sent.ThreadId);
        var before = await host.RowCountsAsync();

        await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, sent.ThreadId));
        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, sent.ThreadId));

        Assert.Equal(before, await host.RowCountsAsync());
        var page = await host.ThreadAsync(alice, sent.ThreadId);
        Assert.Equal(ParticipantState.Deleted, page.State);
        Assert.Equal(2, page.Messages.Count);
    }

    [Fact]
    public async Task Trash_ListsTheThreadsTheUserDeleted()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var kept = await host.SendAsync(alice, [bob], subject: "Kept");
        var deleted = await host.SendAsync(alice, [bob], subject: "Deleted");

        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, deleted.ThreadId));

        Assert.Equal([deleted.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Trash));
        Assert.Equal([kept.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(alice, MailboxFolder.Trash));
    }

    [Fact]
    public async Task Restore_BringsTheThreadBackFromTheTrash()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, sent.ThreadId));

        var result = await host.WithServiceAsync(s => s.RestoreThreadAsync(alice, sent.ThreadId));

        Assert.Equal(MessagingStatus.Succeeded, result.Status);
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Sent));
        Assert.Empty(await host.FolderThreadIdsAsync(alice, MailboxFolder.Trash));
    }

    [Fact]
    public async Task DeleteAndRestore_KeepTheUnreadState()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, sent.ThreadId));
        await host.WithServiceAsync(s => s.RestoreThreadAsync(bob, sent.ThreadId));

        Assert.True((await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads[0].IsUnread);
        Assert.Equal(1, await host.UnreadAsync(bob));
    }
}
