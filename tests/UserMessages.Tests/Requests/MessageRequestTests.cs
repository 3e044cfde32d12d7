using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;
using UserMessages.Tests.Notifications;
using UserMessages.Users;

namespace UserMessages.Tests.Requests;

/// <summary>Issue 21, item 1: a first thread from someone the recipient has not exchanged messages with is a message request.</summary>
public sealed class MessageRequestTests : IAsyncLifetime
{
    private MessagingHost host = null!;
    private string alice = null!;
    private string bob = null!;
    private string carol = null!;

    public async Task InitializeAsync()
    {
        host = await MessagingHost.StartAsync(MessagingHost.CreateBuilder()
            .WithMessageRequests()
            .ConfigureOptions(o => o.Notifications.QuietPeriod = TimeSpan.FromMinutes(2))
            .ConfigureServices(s => s.AddSingleton(new DigestLog()))
            .ConfigureMessaging(m => m.AddMessageNotifier<RecordingNotifier>()));
        (alice, bob, carol) = (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"), await host.CreateUserAsync("carol"));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AFirstThreadFromAStranger_WaitsInRequests_WithoutBadgeOrEmail_AndTheSenderSeesItAsSent()
    {
        var sent = await host.SendAsync(alice, [bob]);

        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
        Assert.Equal(0, await host.UnreadAsync(bob));
        Assert.Equal(0, await host.PendingNotificationCountAsync());
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Sent));
        Assert.Equal(ParticipantState.Request, (await host.ThreadAsync(bob, sent.ThreadId)).State);
    }

    [Fact]
    public async Task Accepting_MovesTheThreadToTheInbox_Unread_AndTheSendersNextThreadGoesStraightThere()
    {
        var first = await host.SendAsync(alice, [bob]);

        Assert.True((await host.ApplyAsync(bob, ThreadAction.Accept, first.ThreadId)).Succeeded);
        var next = await host.SendAsync(alice, [bob], "Again");

        Assert.Equal([next.ThreadId, first.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
        Assert.Equal(2, await host.UnreadAsync(bob));
        Assert.Equal(1, await host.PendingNotificationCountAsync());
    }

    [Fact]
    public async Task TheSendersReplies_LeaveItARequest_UntilTheRecipientAnswers_WhichAcceptsIt()
    {
        var sent = await host.SendAsync(alice, [bob]);

        await host.ReplyAsync(alice, sent.ThreadId, "Are you there?");
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
        Assert.Equal((0, 0), (await host.UnreadAsync(bob), await host.PendingNotificationCountAsync()));

        await host.ReplyAsync(bob, sent.ThreadId, "Yes, hello.");
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
        Assert.Equal(1, await host.UnreadAsync(alice));
    }

    [Fact]
    public async Task Declining_TakesTheThreadAwayFromTheRecipientOnly_TellsTheSenderNothing_AndANextThreadIsARequestAgain()
    {
        var sent = await host.SendAsync(alice, [bob]);

        Assert.True((await host.ApplyAsync(bob, ThreadAction.Decline, sent.ThreadId)).Succeeded);

        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
        var missing = await host.WithServiceAsync(s => s.GetThreadAsync(bob, sent.ThreadId, PageRequest.Newest));
        Assert.Equal(MessagingStatus.NotFound, missing.Status);
        var alicesView = await host.ThreadAsync(alice, sent.ThreadId);
        Assert.Equal([MessageKind.Text], alicesView.Messages.Select(m => m.Kind));
        Assert.Contains(alicesView.Participants, p => p.Id == bob);
        var again = await host.SendAsync(alice, [bob], "Please?");
        Assert.Equal([again.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
    }

    [Fact]
    public async Task DecliningAndBlocking_AlsoBlocksTheSender()
    {
        var sent = await host.SendAsync(alice, [bob]);

        Assert.True((await host.ApplyAsync(bob, ThreadAction.DeclineAndBlock, sent.ThreadId)).Succeeded);

        var refused = await host.WithServiceAsync(s => s.StartThreadAsync(new NewThreadRequest(alice, [bob], "Hello?", "Why not?")));
        Assert.Equal("RecipientUnavailable", Assert.Single(refused.Errors).Code);
        Assert.Equal(alice, Assert.Single(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(bob))).User.Id);
    }

    [Fact]
    public async Task SomeoneTheRecipientWroteToFirst_GoesStraightToTheirInbox()
    {
        await host.SendAsync(bob, [alice], "From Bob");

        var reply = await host.SendAsync(alice, [bob], "From Alice");

        Assert.Contains(reply.ThreadId, await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
        Assert.Equal(1, await host.UnreadAsync(bob));
    }

    [Fact]
    public async Task InAThreadToSeveral_OnlyThoseWhoDoNotKnowTheSender_GetARequest()
    {
        await host.SendAsync(carol, [alice], "Carol to Alice");

        var sent = await host.SendAsync(alice, [bob, carol], "Party");

        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
        Assert.Contains(sent.ThreadId, await host.FolderThreadIdsAsync(carol, MailboxFolder.Inbox));
    }

    [Theory]
    [InlineData(ThreadAction.Archive)]
    [InlineData(ThreadAction.Delete)]
    [InlineData(ThreadAction.Restore)]
    public async Task ARequest_LeavesTheRequestsFolderOnlyByAnAnswer(ThreadAction action)
    {
        var sent = await host.SendAsync(alice, [bob]);

        Assert.Equal(MessagingStatus.NotFound, (await host.ApplyAsync(bob, action, sent.ThreadId)).Status);
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
    }

    [Theory]
    [InlineData(ThreadAction.Accept)]
    [InlineData(ThreadAction.Decline)]
    [InlineData(ThreadAction.DeclineAndBlock)]
    public async Task AnsweringAThreadThatIsNoRequest_IsNotFound_AndChangesNothing(ThreadAction action)
    {
        await host.SendAsync(bob, [alice], "Known");
        var sent = await host.SendAsync(alice, [bob]);

        Assert.Equal(MessagingStatus.NotFound, (await host.ApplyAsync(bob, action, sent.ThreadId)).Status);
        Assert.Equal(MessagingStatus.NotFound, (await host.ApplyAsync(alice, action, sent.ThreadId)).Status);
        Assert.Contains(sent.ThreadId, await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Empty(await host.WithBlockListAsync(b => b.GetBlockedUsersAsync(bob)));
    }
}

/// <summary>Message requests off, or skipped for the senders a host names.</summary>
public sealed class MessageRequestOptionTests
{
    [Fact]
    public void MessageRequests_AreOnByDefault() => Assert.True(new UserMessagesOptions().MessageRequests);

    [Fact]
    public async Task WithRequestsOff_AStrangersThreadGoesToTheInbox()
    {
        await using var host = await MessagingHost.StartAsync(MessagingHost.CreateBuilder().WithMessageRequests().ConfigureOptions(o => o.MessageRequests = false));
        var (alice, bob) = (await host.CreateUserAsync("alice"), await host.CreateUserAsync("bob"));

        var sent = await host.SendAsync(alice, [bob]);

        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task ASenderThePolicyNames_GoesStraightToEveryInbox_OthersStillAsk()
    {
        await using var host = await MessagingHost.StartAsync(MessagingHost.CreateBuilder().WithMessageRequests().ConfigureMessaging(m => m.AddMessageRequestPolicy<StaffPolicy>()));
        var (staff, bob, carol) = (await host.CreateUserAsync("staff"), await host.CreateUserAsync("bob"), await host.CreateUserAsync("carol"));

        var fromStaff = await host.SendAsync(staff, [bob]);
        var fromCarol = await host.SendAsync(carol, [bob]);

        Assert.Equal([fromStaff.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
        Assert.Equal([fromCarol.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Requests));
    }

    private sealed class StaffPolicy(IUserDirectory directory) : IMessageRequestPolicy
    {
        public async ValueTask<bool> SkipsRequestsAsync(string senderId, CancellationToken cancellationToken)
            => (await directory.FindByIdsAsync([senderId], cancellationToken)).TryGetValue(senderId, out var user) && user.UserName == "staff";
    }
}
