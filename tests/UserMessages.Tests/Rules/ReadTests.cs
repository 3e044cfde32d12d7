using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.3: opening a thread marks it read for that user only.</summary>
public sealed class ReadTests
{
    [Fact]
    public async Task MarkRead_MarksTheThreadReadForThatUserOnly()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol]);

        var result = await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));

        Assert.Equal(MessagingStatus.Succeeded, result.Status);
        Assert.False((await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads[0].IsUnread);
        Assert.True((await host.FolderAsync(carol, MailboxFolder.Inbox)).Threads[0].IsUnread);
        Assert.Equal(0, await host.UnreadAsync(bob));
        Assert.Equal(1, await host.UnreadAsync(carol));
    }

    [Fact]
    public async Task MarkRead_OnAThreadAlreadyRead_Succeeds()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        var result = await host.WithServiceAsync(s => s.MarkReadAsync(alice, sent.ThreadId));

        Assert.Equal(MessagingStatus.Succeeded, result.Status);
        Assert.Equal(0, await host.UnreadAsync(alice));
    }

    [Fact]
    public async Task GetThread_ShowsUnreadButDoesNotMarkTheThreadRead()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);

        var page = await host.ThreadAsync(bob, sent.ThreadId);

        Assert.True(page.IsUnread);
        Assert.Equal(1, await host.UnreadAsync(bob));
    }
}
