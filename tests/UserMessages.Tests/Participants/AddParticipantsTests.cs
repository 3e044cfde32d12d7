using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Participants;

/// <summary>Issue 3 §5: a participant adds people; they see the whole history and a system line records it.</summary>
public sealed class AddParticipantsTests
{
    [Fact]
    public async Task AddedUser_SeesTheThreadInTheirInbox_Unread()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob]);

        Assert.True((await host.WithServiceAsync(s => s.AddParticipantsAsync(bob, sent.ThreadId, [carol]))).Succeeded);

        var row = Assert.Single((await host.FolderAsync(carol, MailboxFolder.Inbox)).Threads);
        Assert.Equal(sent.ThreadId, row.ThreadId);
        Assert.True(row.IsUnread);
        Assert.Equal(1, await host.UnreadAsync(carol));
    }

    [Fact]
    public async Task AddedUser_SeesTheWholeHistory_AndAJoinedLineNamingTheAdder()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob], "Trip", "Where shall we go?");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.ReplyAsync(bob, sent.ThreadId, "The coast");
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await host.WithServiceAsync(s => s.AddParticipantsAsync(bob, sent.ThreadId, [carol]));

        var page = await host.ThreadAsync(carol, sent.ThreadId);
        Assert.Equal(["Where shall we go?", "The coast"], page.Messages.Where(m => m.Kind == MessageKind.Text).Select(m => m.Content));
        var joined = Assert.Single(page.Messages, m => m.Kind == MessageKind.Joined);
        Assert.Equal(bob, joined.Sender.Id);
        Assert.Equal(carol, joined.AboutUser!.Id);
        Assert.Equal(joined, page.Messages[^1]);
        Assert.Contains(page.Participants, p => p.Id == carol);
        Assert.Contains((await host.ThreadAsync(alice, sent.ThreadId)).Messages, m => m.Kind == MessageKind.Joined && m.AboutUser!.Id == carol);
    }

    [Fact]
    public async Task AddingAnUnknownUser_OrOneWhoBlockedTheAdder_GivesTheSameError_AndSavesNothing()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob]);
        await host.BlockAsync(carol, bob);
        var rows = await host.RowCountsAsync();

        var blocked = await host.WithServiceAsync(s => s.AddParticipantsAsync(bob, sent.ThreadId, [carol]));
        var unknown = await host.WithServiceAsync(s => s.AddParticipantsAsync(bob, sent.ThreadId, ["no-such-user"]));

        Assert.Equal(MessagingStatus.Invalid, blocked.Status);
        Assert.Equal(MessagingStatus.Invalid, unknown.Status);
        var blockedError = Assert.Single(blocked.Errors);
        var unknownError = Assert.Single(unknown.Errors);
        Assert.Equal("RecipientUnavailable", blockedError.Code);
        Assert.Equal(unknownError.Code, blockedError.Code);
        Assert.Equal(unknownError.Field, blockedError.Field);
        Assert.Equal(unknownError.Description.Replace("no-such-user", "X", StringComparison.Ordinal), blockedError.Description.Replace(carol, "X", StringComparison.Ordinal));
        Assert.Equal(rows, await host.RowCountsAsync());
        Assert.Empty(await host.FolderThreadIdsAsync(carol, MailboxFolder.Inbox));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABlockBetweenTheAdderAndSomeoneInTheThread_RefusesNewcomers_AsUnknownPeopleAreRefused(bool adderIsBlocked)
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob]);
        await host.BlockAsync(alice, bob);
        var adder = adderIsBlocked ? bob : alice;
        var rows = await host.RowCountsAsync();

        var result = await host.WithServiceAsync(s => s.AddParticipantsAsync(adder, sent.ThreadId, [carol]));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("RecipientUnavailable", error.Code);
        Assert.Equal(carol, error.Recipient);
        Assert.Equal(rows, await host.RowCountsAsync());
        Assert.Empty(await host.FolderThreadIdsAsync(carol, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task NonParticipant_CannotAddPeople_NotFound()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, bob, carol) = await UsersAsync(host);
        var sent = await host.SendAsync(alice, [bob]);
        var rows = await host.RowCountsAsync();

        var result = await host.WithServiceAsync(s => s.AddParticipantsAsync(carol, sent.ThreadId, [carol]));

        Assert.Equal(MessagingStatus.NotFound, result.Status);
        Assert.Equal(rows, await host.RowCountsAsync());
    }

    [Fact]
    public async Task AddingPastMaxRecipients_IsTooManyParticipants_AndSavesNothing()
    {
        await using var host = await MessagingHost.StartAsync(o => o.MaxRecipients = 2);
        var (alice, bob, carol) = await UsersAsync(host);
        var dave = await host.CreateUserAsync("dave");
        var sent = await host.SendAsync(alice, [bob]);
        var rows = await host.RowCountsAsync();

        var result = await host.WithServiceAsync(s => s.AddParticipantsAsync(alice, sent.ThreadId, [carol, dave]));

        Assert.Equal(MessagingStatus.Invalid, result.Status);
        Assert.Equal("TooManyParticipants", Assert.Single(result.Errors).Code);
        Assert.Equal(rows, await host.RowCountsAsync());
        Assert.True((await host.WithServiceAsync(s => s.AddParticipantsAsync(alice, sent.ThreadId, [carol]))).Succeeded);
    }

    private static async Task<(string Alice, string Bob, string Carol)> UsersAsync(MessagingHost host)
        => (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"), await host.CreateUserAsync("carol"));
}
