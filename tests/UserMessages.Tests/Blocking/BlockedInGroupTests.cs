using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;
using UserMessages.Tests.Notifications;

namespace UserMessages.Tests.Blocking;

/// <summary>Issue 3 §6 in group threads: nobody brings a blocked user to the blocker, and the blocker is not mailed their messages.</summary>
public sealed class BlockedInGroupTests
{
    [Fact]
    public async Task AddingSomeoneAParticipantBlocked_IsRefusedLikeAnUnknownUser_AndSavesNothing()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var group = await host.SendAsync(carol, [alice]);
        await host.BlockAsync(alice, bob);
        var rows = await host.RowCountsAsync();

        var result = await host.WithServiceAsync(s => s.AddParticipantsAsync(carol, group.ThreadId, [bob]));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("RecipientUnavailable", error.Code);
        Assert.Equal(rows, await host.RowCountsAsync());
        Assert.DoesNotContain(group.ThreadId, await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task ReplyInAGroup_IsNotNotifiedToAParticipantWhoBlockedTheSender_ButToTheOthers()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var group = await host.SendAsync(carol, [alice, bob]);
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await host.SendDueDigestsAsync();
        var earlier = log.Digests.Count;
        await host.BlockAsync(alice, bob);

        await host.ReplyAsync(bob, group.ThreadId, "Hello all");
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await host.SendDueDigestsAsync();

        var digest = Assert.Single(log.Digests.Skip(earlier));
        Assert.Equal(carol, digest.Recipient.Id);
        Assert.Equal("Hello all", Assert.Single(digest.Messages).Content);
    }
}
