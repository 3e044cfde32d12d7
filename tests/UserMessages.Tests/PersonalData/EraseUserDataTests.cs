using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.PersonalData;

/// <summary>Issue 3 §10: a user's messaging data is erased on request; the others keep the rest of each conversation.</summary>
public sealed class EraseUserDataTests
{
    [Fact]
    public async Task Erase_RemovesTheirMessagesParticipantRowsBlocksBothWaysAndSettings()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob, carol]);
        await host.ReplyAsync(bob, sent.ThreadId, "bob was here");
        await host.BlockAsync(bob, carol);
        await host.BlockAsync(alice, bob);
        await host.WithServiceAsync(async s => { await s.SetPreferencesAsync(new MessagingPreferences { UserId = bob, NotifyByEmail = false }); return 0; });

        await host.WithServiceAsync(async s => { await s.EraseUserDataAsync(bob); return 0; });

        await host.WithDbAsync(async db =>
        {
            Assert.False(await db.Messages.AnyAsync(m => m.SenderId == bob || m.AboutUserId == bob));
            Assert.False(await db.ThreadParticipants.AnyAsync(p => p.UserId == bob));
            Assert.False(await db.UserBlocks.AnyAsync(b => b.BlockerId == bob || b.BlockedId == bob));
            Assert.False(await db.MessagingPreferences.AnyAsync(p => p.UserId == bob));
            return 0;
        });
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));
        Assert.Empty((await host.WithServiceAsync(s => s.ExportUserDataAsync(bob))).Threads);
    }

    [Fact]
    public async Task Erase_KeepsTheOthersMessages_AndTheirInboxShowsTheRemainingLatestMessage()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob, carol], "Plans", "alice opens");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var carolsAt = host.Now();
        await host.ReplyAsync(carol, sent.ThreadId, "carol answers");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReplyAsync(bob, sent.ThreadId, "bob has the last word");

        await host.WithServiceAsync(async s => { await s.EraseUserDataAsync(bob); return 0; });

        var row = Assert.Single((await host.FolderAsync(alice, MailboxFolder.Inbox)).Threads);
        Assert.Equal("carol answers", row.Excerpt);
        Assert.Equal(carol, row.LatestSender.Id);
        Assert.Equal(carolsAt, row.LatestMessageAt);
        Assert.Equal([carol], row.OtherParticipants.Select(p => p.Id));
        Assert.Equal(["alice opens", "carol answers"], (await host.ThreadAsync(carol, sent.ThreadId)).Messages.Select(m => m.Content));
        Assert.Equal(1, await host.UnreadAsync(alice));
        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "life goes on"))).Succeeded);
    }

    [Fact]
    public async Task Erase_DeletesThreadsLeftWithNoWrittenMessage()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var onlyBob = await host.SendAsync(bob, [alice], "Only bob wrote", "hello alice");
        await host.WithServiceAsync(s => s.AddParticipantsAsync(bob, onlyBob.ThreadId, [carol]));
        var shared = await host.SendAsync(alice, [bob], "Shared", "alice wrote too");

        await host.WithServiceAsync(async s => { await s.EraseUserDataAsync(bob); return 0; });

        Assert.Equal([shared.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(carol, MailboxFolder.Inbox));
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.GetThreadAsync(alice, onlyBob.ThreadId, PageRequest.Newest))).Status);
        Assert.Equal(0, await host.WithDbAsync(db => db.MessageThreads.CountAsync(t => t.Id == onlyBob.ThreadId)));
        Assert.Equal(0, await host.UnreadAsync(carol));
    }

    [Fact]
    public async Task Erase_AThreadUnreadOnlyBecauseOfTheirReply_IsNoLongerUnreadForTheOthers()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, _) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob], "Hi", "alice asks");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReplyAsync(bob, sent.ThreadId, "only bob's reply is new to alice");
        await host.ReplyAsync(alice, sent.ThreadId, "alice answers");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.ReplyAsync(bob, sent.ThreadId, "bob's last, unread by alice");
        Assert.Equal(1, await host.UnreadAsync(alice));

        await host.WithServiceAsync(async s => { await s.EraseUserDataAsync(bob); return 0; });

        Assert.Equal(["alice asks", "alice answers"], (await host.ThreadAsync(alice, sent.ThreadId)).Messages.Select(m => m.Content));
        Assert.Equal(0, await host.UnreadAsync(alice));
    }

    [Fact]
    public async Task Erase_AThreadTheyStarted_NoLongerNamesThemAsItsCreator()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, _) = await UsersAsync(host);
        var sent = await host.SendAsync(bob, [alice], "Started by bob", "hi");
        await host.ReplyAsync(alice, sent.ThreadId, "alice keeps this");

        await host.WithServiceAsync(async s => { await s.EraseUserDataAsync(bob); return 0; });

        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
        Assert.False(await host.WithDbAsync(db => db.MessageThreads.AnyAsync(t => t.CreatedById == bob)));
    }

    [Fact]
    public async Task Erase_DoesNotDropWhatIsQueuedForTheOthersAboutTheOthersMessages()
    {
        var (host, _) = await Notifications.RecordingNotifier.StartHostAsync();
        await using var owned = host;
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(bob, [alice, carol], "Group", "bob opens");
        var carols = await host.ReplyAsync(carol, sent.ThreadId, "carol writes to alice");

        await host.WithServiceAsync(async s => { await s.EraseUserDataAsync(bob); return 0; });

        var queuedForAlice = await host.WithDbAsync(db => db.PendingNotifications.Where(n => n.RecipientId == alice).Select(n => n.MessageId).ToListAsync());
        Assert.Equal([carols.MessageId], queuedForAlice);
    }

    private static async Task<(string Alice, string Bob, string Carol)> UsersAsync(MessagingHost host)
        => (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"), await host.CreateUserAsync("carol"));
}
