using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Blocking;

/// <summary>Issue 3 §6: a blocked user cannot reach the blocker, and cannot tell a block from an unknown account.</summary>
public sealed class BlockedSenderTests
{
    [Fact]
    public async Task BlockedUser_CannotStartAThreadWithTheBlocker_SameErrorAsForAnUnknownUser()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.BlockAsync(alice, bob);
        var rows = await host.RowCountsAsync();

        var blocked = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(bob, [alice], "Hi", "Hello")));
        var unknown = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(bob, ["no-such-user"], "Hi", "Hello")));

        Assert.Equal(MessagingStatus.Invalid, blocked.Status);
        var blockedError = Assert.Single(blocked.Errors);
        var unknownError = Assert.Single(unknown.Errors);
        Assert.Equal("RecipientUnavailable", blockedError.Code);
        Assert.Equal(unknownError.Code, blockedError.Code);
        Assert.Equal(unknownError.Field, blockedError.Field);
        Assert.Equal(alice, blockedError.Recipient);
        Assert.Equal(
            unknownError.Description.Replace("no-such-user", "X", StringComparison.Ordinal),
            blockedError.Description.Replace(alice, "X", StringComparison.Ordinal));
        Assert.Equal(rows, await host.RowCountsAsync());
    }

    [Fact]
    public async Task BlockedUser_CannotReplyWhenTheBlockerIsTheOnlyOtherParticipant()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(bob, [alice]);
        await host.BlockAsync(alice, bob);
        var rows = await host.RowCountsAsync();

        var result = await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, "Please answer"));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("ConversationUnavailable", Assert.Single(result.Errors).Code);
        Assert.Equal(rows, await host.RowCountsAsync());
    }

    [Fact]
    public async Task BlockedUser_CanStillReplyInAGroupWhereSomeoneElseHasNotBlockedThem()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(carol, [alice, bob]);
        await host.BlockAsync(alice, bob);

        var result = await host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, "Hello all"));

        Assert.True(result.Succeeded);
        Assert.Equal(1, await host.UnreadAsync(carol));
    }

    [Fact]
    public async Task BlockedUser_CannotAddTheBlockerToAThread()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(bob, [carol]);
        await host.BlockAsync(alice, bob);

        var result = await host.WithServiceAsync(s => s.AddParticipantsAsync(bob, sent.ThreadId, [alice]));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("RecipientUnavailable", Assert.Single(result.Errors).Code);
        Assert.Empty(await host.FolderThreadIdsAsync(alice, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task Blocker_CanStillWriteToTheBlockedUser()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.BlockAsync(alice, bob);

        var sent = await host.SendAsync(alice, [bob], "Final word", "Please stop writing to me.");

        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(alice, sent.ThreadId, "Thank you."))).Succeeded);
    }

    [Fact]
    public async Task AfterUnblocking_TheFormerlyBlockedUserCanWriteStartAndAddAgain()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var old = await host.SendAsync(bob, [alice]);
        var group = await host.SendAsync(bob, [carol]);
        await host.BlockAsync(alice, bob);
        await host.WithBlockListAsync(b => b.UnblockAsync(alice, bob));

        Assert.True((await host.WithServiceAsync(s => s.ReplyAsync(bob, old.ThreadId, "Friends again?"))).Succeeded);
        Assert.True((await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(bob, [alice], "New", "Hi")))).Succeeded);
        Assert.True((await host.WithServiceAsync(s => s.AddParticipantsAsync(bob, group.ThreadId, [alice]))).Succeeded);
        Assert.Equal(3, await host.UnreadAsync(alice));
    }
}
