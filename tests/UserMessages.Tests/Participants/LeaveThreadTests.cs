using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Participants;

/// <summary>Issue 3 §5: leaving a thread makes it disappear for the leaver; the others see "X left".</summary>
public sealed class LeaveThreadTests
{
    [Fact]
    public async Task Leave_RemovesTheThreadFromEveryFolderOfTheLeaver_AndGetThreadIsNotFound()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.ReplyAsync(bob, sent.ThreadId);

        Assert.True((await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId))).Succeeded);

        foreach (var folder in Enum.GetValues<MailboxFolder>())
        {
            Assert.Empty(await host.FolderThreadIdsAsync(bob, folder));
        }

        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.GetThreadAsync(bob, sent.ThreadId, PageRequest.Newest))).Status);
        Assert.Equal(0, await host.UnreadAsync(bob));
    }

    [Fact]
    public async Task Leave_TheOthersSeeALeftLine_AndTheLeaverNoLongerAmongTheParticipants()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol]);

        await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId));

        var page = await host.ThreadAsync(alice, sent.ThreadId);
        var left = Assert.Single(page.Messages, m => m.Kind == MessageKind.Left);
        Assert.Equal(bob, left.Sender.Id);
        Assert.Equal(new[] { alice, carol }.Order(), page.Participants.Select(p => p.Id).Order());
        Assert.DoesNotContain(bob, (await host.FolderAsync(carol, MailboxFolder.Inbox)).Threads.Single().OtherParticipants.Select(p => p.Id));
    }

    [Fact]
    public async Task ReplyAfterLeaving_DoesNotBringTheThreadBackToTheLeaver_NorMarkItUnread()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol]);
        await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReplyAsync(alice, sent.ThreadId, "Anyone?");

        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Equal(0, await host.UnreadAsync(bob));
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, "Me!"))).Status);
        Assert.Equal(1, await host.UnreadAsync(carol));
    }

    [Fact]
    public async Task Leaver_CanBeAddedAgain_AndSeesTheThreadUnreadWithItsHistory()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], "Club", "Welcome");
        await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReplyAsync(alice, sent.ThreadId, "While you were away");

        Assert.True((await host.WithServiceAsync(s => s.AddParticipantsAsync(alice, sent.ThreadId, [bob]))).Succeeded);

        var row = Assert.Single((await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads);
        Assert.True(row.IsUnread);
        var page = await host.ThreadAsync(bob, sent.ThreadId);
        Assert.Equal(["Welcome", "While you were away"], page.Messages.Where(m => m.Kind == MessageKind.Text).Select(m => m.Content));
        Assert.Contains(page.Participants, p => p.Id == bob);
        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, "Back again"))).Succeeded);
    }

    [Fact]
    public async Task LeavingTwice_OrAThreadOneIsNotIn_IsNotFound()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId));
        var rows = await host.RowCountsAsync();

        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId))).Status);
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.LeaveThreadAsync(carol, sent.ThreadId))).Status);
        Assert.Equal(rows, await host.RowCountsAsync());
    }
}
