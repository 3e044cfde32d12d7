using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.7: who a new thread goes to.</summary>
public sealed class RecipientTests
{
    [Fact]
    public async Task StartThread_CollapsesDuplicateRecipients()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");

        var sent = await host.SendAsync(alice, [bob, carol, bob, " " + bob + " "]);

        Assert.Equal(3, (await host.RowCountsAsync()).Participants);
        Assert.Equal(3, (await host.ThreadAsync(alice, sent.ThreadId)).Participants.Count);
    }

    [Fact]
    public async Task StartThread_IgnoresTheSenderAmongTheRecipients()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var sent = await host.SendAsync(alice, [alice, bob]);

        Assert.Equal(2, (await host.RowCountsAsync()).Participants);
        Assert.False((await host.ParticipantAsync(sent.ThreadId, alice)).IsUnread);
        var summary = (await host.FolderAsync(alice, MailboxFolder.Inbox)).Threads[0];
        Assert.Equal([bob], summary.OtherParticipants.Select(u => u.Id));
    }

    [Fact]
    public async Task StartThread_ToTheSenderOnly_IsRefusedWithRecipientsRequired()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [alice], "Note to self", "Hello me")));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("RecipientsRequired", error.Code);
        Assert.Equal("Recipients", error.Field);
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Fact]
    public async Task StartThread_WithMoreThanMaxRecipients_IsRefusedWithTooManyRecipients()
    {
        await using var host = await MessagingHost.StartAsync(o => o.MaxRecipients = 2);
        var alice = await host.CreateUserAsync("alice");
        var others = new List<string>();
        foreach (var name in new[] { "bob", "carol", "dave" })
        {
            others.Add(await host.CreateUserAsync(name));
        }

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, others, "Party", "Come along")));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("TooManyRecipients", error.Code);
        Assert.Equal("Recipients", error.Field);
        Assert.Contains("2", error.Description, StringComparison.Ordinal);
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Fact]
    public async Task StartThread_WithExactlyMaxRecipients_PlusTheSenderAndDuplicates_IsAccepted()
    {
        await using var host = await MessagingHost.StartAsync(o => o.MaxRecipients = 2);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");

        await host.SendAsync(alice, [alice, bob, carol, carol]);

        Assert.Equal(3, (await host.RowCountsAsync()).Participants);
    }

    [Fact]
    public async Task UnknownUserAndUserRefusingTheSender_GetTheSameError()
    {
        var policy = new Mock<IRecipientPolicy>();
        await using var host = await MessagingHost.StartAsync(configureServices: services =>
        {
            services.RemoveAll<IRecipientPolicy>();
            services.AddSingleton(policy.Object);
        });
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        policy.Setup(p => p.AcceptsMessagesAsync(alice, bob, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        const string unknown = "no-such-user";

        var refused = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Hi", "Hello")));
        var missing = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [unknown], "Hi", "Hello")));

        var refusedError = AssertSingleInvalid(refused);
        var missingError = AssertSingleInvalid(missing);
        Assert.Equal(missingError.Code, refusedError.Code);
        Assert.Equal(missingError.Field, refusedError.Field);
        Assert.Equal(missingError.Description.Replace(unknown, "{who}", StringComparison.Ordinal), refusedError.Description.Replace(bob, "{who}", StringComparison.Ordinal));
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
        policy.Verify(p => p.AcceptsMessagesAsync(alice, bob, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task OneRefusedRecipient_RefusesTheWholeThread()
    {
        var policy = new Mock<IRecipientPolicy>();
        await using var host = await MessagingHost.StartAsync(configureServices: services =>
        {
            services.RemoveAll<IRecipientPolicy>();
            services.AddSingleton(policy.Object);
        });
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        policy.Setup(p => p.AcceptsMessagesAsync(alice, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string recipient, CancellationToken _) => recipient != carol);

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob, carol], "Hi", "Hello")));

        Assert.Equal(carol, AssertSingleInvalid(result).Recipient);
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Fact]
    public async Task AddRecipientPolicy_ReplacesTheDefaultThatAcceptsEveryone()
    {
        await using var host = await MessagingHost.StartAsync(configureBuilder: builder => builder.AddRecipientPolicy<NobodyAcceptsPolicy>());
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Hi", "Hello")));

        Assert.Equal("RecipientUnavailable", AssertSingleInvalid(result).Code);
    }

    [Fact]
    public async Task StartThread_ToAnAccountWhoseIdHasTheUnitSeparator_IsRefusedLikeAnUnknownRecipient()
    {
        // The folder pages read the other people's ids joined by U+001F into one column.
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var odd = new IdentityUser("odd") { Id = "odd\u001fid", Email = "odd@example.com" };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().CreateAsync(odd)).Succeeded);
        }

        var result = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [odd.Id], "Hi", "Hello")));

        var error = AssertSingleInvalid(result);
        Assert.Equal("RecipientUnavailable", error.Code);
        Assert.Equal(odd.Id, error.Recipient);
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Fact]
    public async Task FolderPage_ListsEveryOtherPerson_OfAThreadWithSeveral()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var dave = await host.CreateUserAsync("dave");

        await host.SendAsync(alice, [carol, bob, dave]);

        var row = Assert.Single((await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads);
        Assert.Equal(new[] { alice, carol, dave }.Order(StringComparer.Ordinal), row.OtherParticipants.Select(u => u.Id));
        Assert.Equal(["alice", "bob", "carol"], (await host.FolderAsync(dave, MailboxFolder.Inbox)).Threads[0].OtherParticipants.Select(u => u.UserName).Order(StringComparer.Ordinal));
    }

    private static MessagingError AssertSingleInvalid(MessagingResult result)
    {
        Assert.Equal(MessagingStatus.Invalid, result.Status);
        return Assert.Single(result.Errors);
    }

    private sealed class NobodyAcceptsPolicy : IRecipientPolicy
    {
        public ValueTask<bool> AcceptsMessagesAsync(string senderId, string recipientId, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
