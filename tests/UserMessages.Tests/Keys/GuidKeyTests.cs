using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Keys;

/// <summary>SPEC §1: any Identity key type works, here <see cref="Guid"/>.</summary>
public sealed class GuidKeyTests : IAsyncLifetime
{
    private TestHost<GuidDbContext> host = null!;

    public async Task InitializeAsync() => host = await new TestHostBuilder().AddIdentity<GuidUser, Guid>().StartAsync<GuidDbContext>();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task GuidUsers_StartAThread_Reply_AndSeeEachOthersNamesInTheInbox()
    {
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        var sent = await messages.StartThreadAsync(new NewThreadRequest(alice, [bob], "Keys", "Guid keys work?"));
        Assert.True(sent.Succeeded, string.Join("; ", sent.Errors.Select(e => e.Description)));
        var reply = await messages.ReplyAsync(bob, sent.Value!.ThreadId, "They do.");
        Assert.True(reply.Succeeded);

        var aliceInbox = await messages.GetFolderAsync(alice, MailboxFolder.Inbox, PageRequest.Newest);
        var row = Assert.Single(aliceInbox.Value!.Threads);
        Assert.Equal("bob", Assert.Single(row.OtherParticipants).DisplayName);
        Assert.Equal("bob", row.LatestSender.DisplayName);
        Assert.True(row.IsUnread);
        var bobRow = Assert.Single((await messages.GetFolderAsync(bob, MailboxFolder.Inbox, PageRequest.Newest)).Value!.Threads);
        Assert.Equal("alice", Assert.Single(bobRow.OtherParticipants).DisplayName);
        var thread = await messages.GetThreadAsync(alice, sent.Value.ThreadId, PageRequest.Newest);
        Assert.Equal(["alice", "bob"], thread.Value!.Messages.Select(m => m.Sender.DisplayName));
    }

    [Fact]
    public async Task UserDirectory_FindsGuidUsersByUserNameAndByEmail()
    {
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        var found = await directory.FindByNamesAsync(["alice", "bob@example.com", "nobody"], CancellationToken.None);

        Assert.Equal(alice, found["alice"].Id);
        Assert.Equal(bob, found["bob@example.com"].Id);
        Assert.Equal("bob", found["bob@example.com"].UserName);
        Assert.False(found.ContainsKey("nobody"));
    }

    [Fact]
    public async Task UserDirectory_FindByIds_IgnoresAMalformedId_WithoutThrowing()
    {
        var alice = await host.CreateUserAsync("alice");

        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        var onlyMalformed = await directory.FindByIdsAsync(["not-a-guid"], CancellationToken.None);
        var mixed = await directory.FindByIdsAsync(["not-a-guid", alice, Guid.NewGuid().ToString()], CancellationToken.None);

        Assert.Empty(onlyMalformed);
        Assert.Equal("alice", Assert.Single(mixed).Value.DisplayName);
    }

    [Fact]
    public async Task StartThread_ToAMalformedGuid_IsRefusedLikeAnUnknownUser()
    {
        var alice = await host.CreateUserAsync("alice");

        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        var result = await messages.StartThreadAsync(new NewThreadRequest(alice, ["not-a-guid"], "Hi", "Hello"));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("RecipientUnavailable", Assert.Single(result.Errors).Code);
    }
}
