using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Blocking;

/// <summary>Issue 3 §6, issue 18 §3: a user blocks and unblocks the people they talked with, and sees whom they blocked.</summary>
public sealed class BlockListTests
{
    [Fact]
    public async Task Block_ListsTheBlockedUsers_MostRecentFirst_WithWhen()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        await host.SendAsync(bob, [alice]);
        await host.SendAsync(carol, [alice]);

        await BlockThroughTheListAsync(host, alice, bob);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await BlockThroughTheListAsync(host, alice, carol);

        var blocked = await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice));
        Assert.Equal(["carol", "bob"], blocked.Select(b => b.User.UserName));
        Assert.Equal(host.Now(), blocked[0].Since);
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(bob)));
    }

    [Fact]
    public async Task BlockingTwice_IsTheSameAsOnce_AndUnblockingTwiceDoesNothingMore()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(bob, [alice]);

        await BlockThroughTheListAsync(host, alice, bob);
        await BlockThroughTheListAsync(host, alice, bob);
        Assert.Single(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));

        Assert.True((await host.WithBlockListAsync(b => b.UnblockAsync(alice, bob))).Succeeded);
        Assert.True((await host.WithBlockListAsync(b => b.UnblockAsync(alice, bob))).Succeeded);
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));
    }

    [Fact]
    public async Task SomeoneFromAConversationTheUserLeft_CanStillBeBlocked()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(bob, [alice]);
        Assert.True((await host.WithServiceAsync(s => s.LeaveThreadAsync(alice, sent.ThreadId))).Succeeded);

        await BlockThroughTheListAsync(host, alice, bob);

        Assert.Single(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));
    }

    [Fact]
    public async Task BlockingOneself_IsRefused()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");

        var result = await host.WithBlockListAsync(b => b.BlockAsync(alice, alice));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("CannotBlockYourself", Assert.Single(result.Errors).Code);
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));
    }

    [Fact]
    public async Task AnAccountNeverTalkedWith_GetsTheSameAnswerAsAnUnknownId_AndNothingIsSaved()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var stranger = await host.CreateUserAsync("stranger");

        var unknown = await host.WithBlockListAsync(b => b.BlockAsync(alice, "no-such-user"));
        var existing = await host.WithBlockListAsync(b => b.BlockAsync(alice, stranger));

        Assert.Equal(MessagingStatus.Invalid, unknown.Status);
        Assert.Equal(MessagingStatus.Invalid, existing.Status);
        Assert.Equal("UserNotFound", Assert.Single(unknown.Errors).Code);
        Assert.Equal(
            Assert.Single(unknown.Errors).Description.Replace("no-such-user", "ID", StringComparison.Ordinal),
            Assert.Single(existing.Errors).Description.Replace(stranger, "ID", StringComparison.Ordinal));
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));
    }

    private static async Task BlockThroughTheListAsync(MessagingHost host, string userId, string blockedUserId)
    {
        var result = await host.WithBlockListAsync(b => b.BlockAsync(userId, blockedUserId));
        Assert.True(result.Succeeded, $"{result.Status}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
    }
}
