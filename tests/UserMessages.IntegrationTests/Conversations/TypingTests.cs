using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Web.Live;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 22, item 5, live: an open thread page tells the hub its user is typing (the others in the thread hear <c>typing</c>, at most
/// once every two seconds per page) and that its user has seen the thread (it is marked read, the user's pages get the new unread
/// count, and the others who share read receipts hear <c>seen</c>). Someone outside the thread makes nothing happen. Events to one
/// connection arrive in the order they were sent, so "nothing arrived" is shown by a later event arriving first. The app's clock
/// stands still unless a test moves it, so the throttles do not depend on how fast a test runs.
/// </summary>
public sealed class TypingTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private ManualClock Clock => App.Services.GetRequiredService<ManualClock>();

    [Fact]
    public async Task Typing_ReachesTheOthersInTheThread_WithWhoAndWhere_ButNoneOfTheTypersOwnPages()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Dinner", "Friday at eight?");
        await using var alicesPage = await LiveThreadPage.OpenAsync(App, Alice, LiveThreadPage.Typing);
        await using var alicesOtherPage = await LiveThreadPage.OpenAsync(App, Alice, LiveThreadPage.Typing);
        await using var bob = await LiveThreadPage.OpenAsync(App, Bob, LiveThreadPage.Typing);
        await using var carol = await LiveThreadPage.OpenAsync(App, Carol, LiveThreadPage.Typing);

        await alicesPage.TypingAsync(threadId);

        Assert.Equal(new LiveTyping(threadId, Alice.Id), await bob.NextTypingAsync());
        Assert.Equal(new LiveTyping(threadId, Alice.Id), await carol.NextTypingAsync());

        // Then Bob types: the first either of Alice's pages hears is Bob, so they heard nothing of her own typing.
        await bob.TypingAsync(threadId);

        Assert.Equal(new LiveTyping(threadId, Bob.Id), await alicesOtherPage.NextTypingAsync());
        Assert.Equal(new LiveTyping(threadId, Bob.Id), await alicesPage.NextTypingAsync());
        Assert.Equal(new LiveTyping(threadId, Bob.Id), await carol.NextTypingAsync());

        // And Carol: what Bob hears next is Carol, not himself.
        await carol.TypingAsync(threadId);

        Assert.Equal(new LiveTyping(threadId, Carol.Id), await bob.NextTypingAsync());
    }

    [Fact]
    public async Task SomeoneOutsideTheThread_Typing_ReachesNobody_AndGetsNoError()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Just between us");
        using var dave = App.CreateBrowser(await CreateUserAsync("dave"));
        await using var alice = await LiveThreadPage.OpenAsync(App, Alice, LiveThreadPage.Typing);
        await using var bob = await LiveThreadPage.OpenAsync(App, Bob, LiveThreadPage.Typing);
        await using var davesPage = await LiveThreadPage.OpenAsync(App, dave, LiveThreadPage.Typing);

        await davesPage.TypingAsync(threadId);

        // A thread that does not exist is no different (the clock moved on, so the throttle does not hide it).
        Clock.Advance(UserMessagesHub.TypingInterval + TimeSpan.FromMilliseconds(100));
        await davesPage.TypingAsync(threadId + 1_000_000);

        await alice.TypingAsync(threadId);
        Assert.Equal(new LiveTyping(threadId, Alice.Id), await bob.NextTypingAsync());
        await bob.TypingAsync(threadId);
        Assert.Equal(new LiveTyping(threadId, Bob.Id), await alice.NextTypingAsync());
    }

    [Fact]
    public async Task TypingTwiceWithinTwoSeconds_IsPassedOnOnce_AndAgainOnceTwoSecondsHavePassed()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Dinner", "Friday at eight?");
        await using var alice = await LiveThreadPage.OpenAsync(App, Alice);
        await using var bob = await LiveThreadPage.OpenAsync(App, Bob, LiveThreadPage.Typing);
        await using var carol = await LiveThreadPage.OpenAsync(App, Carol);

        await alice.TypingAsync(threadId);
        Clock.Advance(UserMessagesHub.TypingInterval - TimeSpan.FromMilliseconds(100));
        await alice.TypingAsync(threadId);
        await carol.TypingAsync(threadId);

        Assert.Equal(new LiveTyping(threadId, Alice.Id), await bob.NextTypingAsync());
        Assert.Equal(new LiveTyping(threadId, Carol.Id), await bob.NextTypingAsync());

        // More than two seconds after the first signal, the next is passed on again.
        Clock.Advance(TimeSpan.FromMilliseconds(200));
        await alice.TypingAsync(threadId);

        Assert.Equal(new LiveTyping(threadId, Alice.Id), await bob.NextTypingAsync());
    }

    [Fact]
    public async Task SeenFromTheHub_MarksTheThreadRead_TellsTheSender_AndGivesTheReaderTheNewUnreadCount()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Saturday at noon?");
        await using var alice = await LiveThreadPage.OpenAsync(App, Alice, LiveThreadPage.Seen);
        await using var bob = await LiveThreadPage.OpenAsync(App, Bob, LiveThreadPage.Seen, LiveThreadPage.UnreadCount);
        Assert.Equal(1, await Bob.ApiUnreadCountAsync());

        await bob.SeenAsync(threadId);

        Assert.Equal(new LiveSeen(threadId, Bob.Id, messageId), await alice.NextSeenAsync());

        // Bob's own pages get his count, and no "seen" of himself before it.
        Assert.Equal(0, await bob.NextUnreadCountAsync());
        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal("false", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(0, inbox.UnreadBadgeCount);
        Assert.Equal([Bob.Id], (await Alice.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(messageId)!.Ids);
    }

    [Fact]
    public async Task OpeningTheUnreadThreadPage_TellsTheSenderLive()
    {
        var (threadId, messageId) = await Alice.WritesAsync(Bob.UserName, "Saturday at noon?");
        await using var alice = await LiveThreadPage.OpenAsync(App, Alice, LiveThreadPage.Seen);

        await Bob.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal(new LiveSeen(threadId, Bob.Id, messageId), await alice.NextSeenAsync());
    }

    [Fact]
    public async Task SeenFromTheHub_OfSomeoneWhoDoesNotShareReceipts_MarksTheThreadRead_ButTellsNobody()
    {
        await Bob.ShareReadReceiptsAsync(false);
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Dinner", "Friday at eight?");
        var messageId = Assert.Single(await Alice.ApiThreadMessagesAsync(threadId), m => m.Kind == "text").Id;
        await using var alice = await LiveThreadPage.OpenAsync(App, Alice, LiveThreadPage.Seen);
        await using var bob = await LiveThreadPage.OpenAsync(App, Bob, LiveThreadPage.Seen, LiveThreadPage.UnreadCount);
        await using var carol = await LiveThreadPage.OpenAsync(App, Carol);

        await bob.SeenAsync(threadId);

        Assert.Equal(0, await bob.NextUnreadCountAsync());
        Assert.Equal("false", (await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(0, await Bob.ApiUnreadCountAsync());

        // Carol, who shares them, sees it next: the first "seen" Alice hears is Carol's.
        await carol.SeenAsync(threadId);

        Assert.Equal(new LiveSeen(threadId, Carol.Id, messageId), await alice.NextSeenAsync());
        Assert.Equal([Carol.Id], (await Alice.GetPageAsync(Paths.Thread(threadId))).ReceiptOf(messageId)!.Ids);
    }

    [Fact]
    public async Task SomeoneOutsideTheThread_Seen_DoesNothing_AndGetsNoError()
    {
        var (threadId, _) = await Alice.WritesAsync(Bob.UserName, "Just between us", subject: "Private matter");
        using var dave = App.CreateBrowser(await CreateUserAsync("dave"));
        await using var alice = await LiveThreadPage.OpenAsync(App, Alice, LiveThreadPage.Seen);
        await using var davesPage = await LiveThreadPage.OpenAsync(App, dave, LiveThreadPage.Seen, LiveThreadPage.UnreadCount, LiveThreadPage.MessageSent);

        await davesPage.SeenAsync(threadId);
        Clock.Advance(UserMessagesHub.SeenInterval + TimeSpan.FromMilliseconds(100));
        await davesPage.SeenAsync(threadId + 1_000_000);

        Assert.False(await WithDbAsync(db => db.ThreadParticipants.AnyAsync(p => p.ThreadId == threadId && p.UserId == dave.Id)));
        Assert.Equal(1, await Bob.ApiUnreadCountAsync());

        // What Alice hears first is Bob's seeing, and what Dave's page hears first is a message to him.
        await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(Bob.Id, (await alice.NextSeenAsync()).UserId);
        var toDave = await Carol.StartThreadAsync(dave.UserName, "Hello", "Hi Dave");
        var first = await davesPage.NextAsync();
        Assert.Equal((LiveThreadPage.MessageSent, toDave), (first.Name, first.Payload.GetProperty("threadId").GetInt64()));
    }

    protected override void ConfigureServices(IServiceCollection services) => ManualClock.Replace(services);
}
