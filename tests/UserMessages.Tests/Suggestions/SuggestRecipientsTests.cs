using UserMessages.Services;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Suggestions;

/// <summary>Issue 3 §4: the recipient type-ahead lists a few users by name or e-mail prefix, never the caller nor anyone who blocked them.</summary>
public sealed class SuggestRecipientsTests
{
    [Fact]
    public async Task Suggest_ByUserNamePrefix_IgnoringCase()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        await host.CreateUserAsync("robert");
        await host.CreateUserAsync("roberta");
        await host.CreateUserAsync("bob");

        var names = (await SuggestAsync(host, alice, "ROB")).Select(u => u.UserName);

        Assert.Equal(["robert", "roberta"], names);
    }

    [Fact]
    public async Task Suggest_ByAPartOfAnEmail_FindsNobody_ButTheWholeAddressFindsThem()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        await host.CreateUserAsync("carol", "zed.carol@example.org");

        Assert.Empty(await SuggestAsync(host, alice, "zed.c"));
        Assert.Equal(["carol"], (await SuggestAsync(host, alice, "zed.carol@example.org")).Select(u => u.UserName));
    }

    [Fact]
    public async Task Suggest_NeverListsTheCaller()
    {
        await using var host = await MessagingHost.StartAsync();
        var sam = await host.CreateUserAsync("sam");
        await host.CreateUserAsync("samantha");

        Assert.Equal(["samantha"], (await SuggestAsync(host, sam, "sam")).Select(u => u.UserName));
    }

    [Fact]
    public async Task Suggest_NeverListsAUserWhoBlockedTheCaller_ButListsOnesTheCallerBlocked()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var bobby = await host.CreateUserAsync("bobby");
        await host.BlockAsync(bob, alice);
        await host.BlockAsync(alice, bobby);

        Assert.Equal(["bobby"], (await SuggestAsync(host, alice, "bo")).Select(u => u.UserName));
        Assert.Equal(["bobby"], (await SuggestAsync(host, bob, "bo")).Select(u => u.UserName));
    }

    [Fact]
    public async Task Suggest_ReturnsAtMostTen()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        for (var i = 0; i < 12; i++)
        {
            await host.CreateUserAsync($"member{i:00}");
        }

        var found = await SuggestAsync(host, alice, "member");

        Assert.Equal(10, found.Count);
        Assert.Equal(10, found.Select(u => u.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("%%")]
    [InlineData("__")]
    public async Task Suggest_WildcardCharacters_AreLiteral_AndNeverListEveryone(string typed)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        await host.CreateUserAsync("bob");
        await host.CreateUserAsync("carol");

        Assert.Empty(await SuggestAsync(host, alice, typed));
    }

    [Theory]
    [InlineData("b")]
    [InlineData(" b ")]
    [InlineData("")]
    public async Task Suggest_WithFewerThanTwoCharacters_IsInvalid(string typed)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        await host.CreateUserAsync("bob");

        var result = await host.WithServiceAsync(s => s.SuggestRecipientsAsync(alice, typed));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("SearchTooShort", Assert.Single(result.Errors).Code);
    }

    private static async Task<IReadOnlyList<MessagingUser>> SuggestAsync(MessagingHost host, string userId, string typed)
    {
        var result = await host.WithServiceAsync(s => s.SuggestRecipientsAsync(userId, typed));
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.Value!;
    }
}
