using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Mailbox;

/// <summary>Issue 3 §5: any participant can leave a thread; it disappears for them and the others see "X left".</summary>
public sealed class LeaveTests : MessagingTest, IClassFixture<SharedApp>
{
    public LeaveTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task Leave_RedirectsToTheInbox_AndTheThreadIsGoneForTheLeaver()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday at eight?");

        var response = await Carol.PressThreadButtonAsync(threadId, "um-leave");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Inbox, response.Headers.Location!.OriginalString);
        var inbox = await Carol.FollowRedirectAsync(response);
        Assert.Null(inbox.ThreadRow(threadId));
        Assert.Equal(0, inbox.UnreadBadgeCount);
        foreach (var folder in new[] { Paths.Sent, MailboxPaths.Archive, Paths.Trash })
        {
            Assert.Null((await Carol.GetPageAsync(folder)).ThreadRow(threadId));
        }

        var thread = await Carol.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.NotFound, thread.Status);
        Assert.Null(thread.Find("#um-messages"));
    }

    [Fact]
    public async Task Leave_ShowsTheOthersALeftLine_AndTakesTheLeaverOffThePeopleList()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday at eight?");

        await Carol.PressThreadButtonAsync(threadId, "um-leave");

        foreach (var other in new[] { Alice, Bob })
        {
            var thread = await other.GetPageAsync(Paths.Thread(threadId));
            var line = thread.Single("#um-messages li.um-system-line[data-um-kind='left']");
            Assert.Contains(Carol.DisplayName, line.TextContent, StringComparison.Ordinal);
            Assert.Null(thread.Find($"#um-people [data-um-user-id='{Carol.Id}']"));
            Assert.DoesNotContain(Carol.DisplayName, thread.Single("#um-participants").TextContent, StringComparison.Ordinal);
            Assert.Equal("Saturday at eight?", thread.Single("#um-messages .um-message__content").TextContent);
        }
    }

    [Fact]
    public async Task LaterReplies_DoNotReachTheLeaver()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday at eight?");
        await Carol.PressThreadButtonAsync(threadId, "um-leave");

        await Bob.ReplyAsync(threadId, "I'll bring the cake.");

        var carolsInbox = await Carol.GetPageAsync(Paths.Inbox);
        Assert.Null(carolsInbox.ThreadRow(threadId));
        Assert.Equal(0, carolsInbox.UnreadBadgeCount);
        Assert.Null((await Carol.GetPageAsync(Paths.Trash)).ThreadRow(threadId));
        Assert.Equal(HttpStatusCode.NotFound, (await Carol.GetPageAsync(Paths.Thread(threadId))).Status);
        Assert.Null((await Carol.SearchAsync("cake")).ThreadRow(threadId));

        // The ones who stayed get the reply as usual.
        Assert.Equal("true", (await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
    }

    [Fact]
    public async Task Leaver_CannotReplyAnyMore_AndNothingIsSaved()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday at eight?");
        var thread = await Carol.GetPageAsync(Paths.Thread(threadId));
        await Carol.PressAsync(thread, "#um-leave");
        var before = await CountRowsAsync();

        // The reply form of the page still open in the leaver's browser.
        var response = await Carol.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Wait, one more thing" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task LeavingTwice_Answers404()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday at eight?");
        var thread = await Carol.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.Redirect, (await Carol.PressAsync(thread, "#um-leave")).StatusCode);

        var again = await Carol.PressAsync(thread, "#um-leave");

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Single((await Alice.GetPageAsync(Paths.Thread(threadId))).Document.QuerySelectorAll("li.um-system-line[data-um-kind='left']"));
    }

    [Fact]
    public async Task APersonWhoLeft_CanBeAddedBack_AndSeesTheThreadAgain()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday at eight?");
        await Carol.PressThreadButtonAsync(threadId, "um-leave");

        var response = await Alice.AddPeopleAsync(threadId, Carol.UserName);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("true", (await Carol.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        var thread = await Carol.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.NotNull(thread.Find("li.um-system-line[data-um-kind='left']"));
        Assert.NotNull(thread.Find("li.um-system-line[data-um-kind='joined']"));
        Assert.NotNull((await Alice.GetPageAsync(Paths.Thread(threadId))).Find($"#um-people [data-um-user-id='{Carol.Id}']"));
    }

    [Fact]
    public async Task Leave_DropsTheLeaversWaitingNotificationsOfThatThread_AndQueuesNoneForLaterReplies()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Saturday at eight?");
        Assert.Equal(1, await PendingFor(Carol));

        await Carol.PressThreadButtonAsync(threadId, "um-leave");
        await Bob.ReplyAsync(threadId, "I'll bring the cake.");

        Assert.Equal(0, await PendingFor(Carol));
        Assert.Equal(2, await PendingFor(Alice) + await PendingFor(Bob));
    }

    /// <summary>The sample notifies by e-mail; no digest falls due while a test runs, so the outbox shows what was queued.</summary>
    protected override void ConfigureServices(IServiceCollection services)
        => services.Configure<UserMessagesOptions>(options =>
        {
            options.Notifications.QuietPeriod = TimeSpan.FromHours(1);
            options.Notifications.MaxDelay = TimeSpan.FromHours(2);
        });

    private Task<int> PendingFor(BrowserClient user)
        => WithDbAsync(db => db.PendingNotifications.CountAsync(n => n.RecipientId == user.Id));
}
