using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 22, item 4: a muted thread stays in the inbox but sends no e-mail and does not raise the unread badge; it shows as
/// muted; it is unmuted any time; in the pages, the bulk actions and the API.
/// </summary>
public sealed class MuteTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    [Fact]
    public async Task AMutedThread_StaysInTheInboxShownMuted_ButANewMessage_NeitherRaisesTheBadgeNorQueuesEmail()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Noisy group", "Hello all");
        await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.Redirect, (await Bob.PressThreadButtonAsync(threadId, "um-mute")).StatusCode);

        await Alice.ReplyAsync(threadId, "Another one");

        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        var row = inbox.ThreadRow(threadId)!;
        Assert.Equal("true", row.GetAttribute("data-um-muted"));
        Assert.Equal("true", row.GetAttribute("data-um-unread"));
        Assert.Equal("Muted", row.QuerySelector("[data-um-tag='muted']")!.TextContent.Trim());
        Assert.Equal(0, inbox.UnreadBadgeCount);
        Assert.Equal(0, await Bob.ApiUnreadCountAsync());
        Assert.Equal(0, await PendingFor(Bob, threadId));
        Assert.NotNull((await Bob.GetPageAsync(Paths.Thread(threadId))).Find("#um-muted"));
    }

    [Fact]
    public async Task Unmuting_CountsTheThreadAgain_AndTheNextMessageQueuesEmailAgain()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Noisy group", "Hello all");
        await Bob.PressThreadButtonAsync(threadId, "um-mute");
        await Alice.ReplyAsync(threadId, "While muted");
        Assert.Equal(0, await Bob.ApiUnreadCountAsync());

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.Redirect, (await Bob.PressAsync(thread, "#um-unmute")).StatusCode);
        await Bob.PressThreadButtonAsync(threadId, "um-mark-unread");

        Assert.Equal(1, await Bob.ApiUnreadCountAsync());
        await Bob.GetPageAsync(Paths.Thread(threadId));
        await Alice.ReplyAsync(threadId, "After unmuting");
        Assert.Equal(1, await Bob.ApiUnreadCountAsync());
        Assert.Equal(1, await PendingFor(Bob, threadId));
        Assert.Equal("false", (await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-muted"));
    }

    [Fact]
    public async Task MutingAnUnreadThread_TakesItOutOfTheBadgeAtOnce_AndDropsItsQueuedEmail()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Noisy group", "Hello all");
        Assert.Equal(1, await Bob.ApiUnreadCountAsync());
        Assert.Equal(1, await PendingFor(Bob, threadId));
        await Bob.UseAntiforgeryAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync($"{ApiSteps.Thread(threadId)}/mute")).StatusCode);

        Assert.Equal(0, await Bob.ApiUnreadCountAsync());
        Assert.Equal(0, await PendingFor(Bob, threadId));
        using var json = await Bob.GetJsonAsync(ApiSteps.Folder("inbox"));
        var summary = json.RootElement.GetProperty("threads").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == threadId);
        Assert.True(summary.GetProperty("isMuted").GetBoolean());
        Assert.True(summary.GetProperty("isUnread").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostAsync($"{ApiSteps.Thread(threadId)}/unmute")).StatusCode);
        Assert.Equal(1, await Bob.ApiUnreadCountAsync());
    }

    [Fact]
    public async Task TheBulkActions_MuteAndUnmuteSeveralThreads_AllOrNothing()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "Hello");
        var second = await Carol.StartThreadAsync(Bob.UserName, "Two", "Hi");
        var inbox = await Bob.GetPageAsync(Paths.Inbox);

        var response = await Bob.PressAsync(inbox, "#um-bulk-form button[value='Mute']", fields => fields.AddRange([new("ids", first.ToString()), new("ids", second.ToString())]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await Bob.ApiUnreadCountAsync());
        Assert.True(await App.WithDbAsync(db => db.Set<ThreadParticipant>().Where(p => p.UserId == Bob.Id).AllAsync(p => p.IsMuted)));

        // One thread that is not Bob's: nothing changes.
        var alicesOwn = await Alice.StartThreadAsync(Carol.UserName, "Not Bob's", "Hi Carol");
        await Bob.UseAntiforgeryAsync();
        var refused = await Bob.PostJsonAsync(ApiSteps.Threads + "/bulk", new { action = "unmute", ids = new[] { first, alicesOwn } });
        await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.NotFound);
        Assert.True(await App.WithDbAsync(db => db.Set<ThreadParticipant>().Where(p => p.UserId == Bob.Id).AllAsync(p => p.IsMuted)));
        Assert.Equal(HttpStatusCode.NoContent, (await Bob.PostJsonAsync(ApiSteps.Threads + "/bulk", new { action = "unmute", ids = new[] { first, second } })).StatusCode);
        Assert.Equal(2, await Bob.ApiUnreadCountAsync());
    }

    [Fact]
    public async Task SomeoneOutsideTheThread_CannotMuteIt_404()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Hello");
        await Carol.UseAntiforgeryAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await Carol.PostAsync($"{ApiSteps.Thread(threadId)}/mute")).StatusCode);
        var page = await Carol.PostFormAsync($"{Paths.Thread(threadId)}/mute", [new(BrowserClient.TokenField, await Carol.TokenAsync())]);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Set<ThreadParticipant>().AnyAsync(p => p.ThreadId == threadId && p.IsMuted)));
    }

    private Task<int> PendingFor(BrowserClient user, long threadId)
        => App.WithDbAsync(db => db.PendingNotifications.CountAsync(n => n.RecipientId == user.Id && n.ThreadId == threadId));
}
