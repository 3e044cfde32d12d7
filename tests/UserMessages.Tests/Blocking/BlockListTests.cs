using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Blocking;

/// <summary>Issue 3 §6: a user blocks and unblocks others and sees whom they blocked.</summary>
public sealed class BlockListTests
{
    [Fact]
    public async Task Block_ListsTheBlockedUsers_MostRecentFirst_WithWhen()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");

        await host.BlockAsync(alice, bob);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.BlockAsync(alice, carol);

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

        await host.BlockAsync(alice, bob);
        await host.BlockAsync(alice, bob);
        Assert.Single(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));

        Assert.True((await host.WithBlockListAsync(b => b.UnblockAsync(alice, bob))).Succeeded);
        Assert.True((await host.WithBlockListAsync(b => b.UnblockAsync(alice, bob))).Succeeded);
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));
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
    public async Task BlockingAnUnknownId_IsRefused()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");

        var result = await host.WithBlockListAsync(b => b.BlockAsync(alice, "no-such-user"));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("UserNotFound", Assert.Single(result.Errors).Code);
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(alice)));
    }
}
