using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UserMessages.Events;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using static UserMessages.IntegrationTests.Moderation.FiltersTestKit;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// Issue 21, item 4, as the sender and the recipients see it: a host's filters run on every new thread and reply before
/// it is stored; a rejection comes back to the sender with its reason, a held message reaches nobody but waits, visible
/// to its sender, under "Awaiting review".
/// </summary>
public sealed class FilterTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    [Fact]
    public async Task ARejectedNewThread_ComesBackWithTheReason_AndTheText_AndNothingIsStored()
    {
        var before = await CountRowsAsync();

        var response = await Alice.ComposeAsync(Bob.UserName, "Offer", $"Only 5 euros {RejectWord}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var form = await BrowserClient.ReadPageAsync(response);
        Assert.Equal($"Only 5 euros {RejectWord}", form.Single("#um-content").TextContent);
        Assert.Contains(RejectReason, form.Single("#um-content-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
        Assert.Empty((await Bob.GetPageAsync(Paths.Inbox)).RowIds());
    }

    [Fact]
    public async Task ARejectedReply_ComesBackWithTheReason_AndTheText_AndTheOthersGetNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Market", "Selling my bike.");
        await Bob.GetPageAsync(Paths.Thread(threadId));

        var response = await Alice.SendReplyAsync(threadId, $"It costs 50 {RejectWord}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Equal($"It costs 50 {RejectWord}", page.Single("#um-reply-content").TextContent);
        Assert.Contains(RejectReason, page.Single("#um-reply-content-error").TextContent, StringComparison.Ordinal);
        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Single(bobsView.Document.QuerySelectorAll("[data-um-message-id]"));
        Assert.Equal(0, bobsView.UnreadBadgeCount);
    }

    [Fact]
    public async Task TheApi_AnswersARejection_WithAValidationProblemOnTheContent()
    {
        await Alice.UseAntiforgeryAsync();
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Market", "Selling my bike.");

        var compose = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Offer", content = $"Cheap {RejectWord}" });
        var reply = await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = $"Cheap {RejectWord}" });

        foreach (var response in new[] { compose, reply })
        {
            var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(RejectReason, Assert.Single(ApiSteps.FieldErrors(problem)["content"]), StringComparison.Ordinal);
            Assert.Equal("MessageRejected", Assert.Single(problem.GetProperty("codes").GetProperty("content").EnumerateArray()).GetString());
        }

        Assert.Equal([threadId], await Bob.ApiFolderIdsAsync("inbox"));
    }

    [Fact]
    public async Task AHeldNewThread_SendsTheSenderToAwaitingReview_AndReachesNoRecipient()
    {
        var response = await Alice.ComposeAsync($"{Bob.UserName}, {Carol.UserName}", "Meeting", $"See you at noon {HoldWord}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Sent + "#um-awaiting-review", response.Headers.Location!.OriginalString);
        var sent = await Alice.FollowRedirectAsync(response);
        var item = sent.Single("#um-awaiting-review [data-um-held-id]");
        Assert.Contains("Meeting", item.TextContent, StringComparison.Ordinal);
        Assert.Contains($"See you at noon {HoldWord}", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Awaiting review", sent.Single("#um-awaiting-review").TextContent, StringComparison.Ordinal);
        Assert.Empty(sent.RowIds());
        foreach (var recipient in new[] { Bob, Carol })
        {
            var inbox = await recipient.GetPageAsync(Paths.Inbox);
            Assert.Empty(inbox.RowIds());
            Assert.Equal(0, inbox.UnreadBadgeCount);
            Assert.Null(inbox.Find("#um-awaiting-review"));
        }

        Assert.Equal(0, await PendingNotificationsAsync(Bob, Carol));
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }

    [Fact]
    public async Task AHeldReply_SendsTheSenderBackToTheThreadsAwaitingReview_AndTheOthersSeeNothingNew()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Meeting", "Noon?");
        await Bob.GetPageAsync(Paths.Thread(threadId));
        var pendingBefore = await PendingNotificationsAsync(Bob);

        var response = await Alice.SendReplyAsync(threadId, $"Or one o'clock {HoldWord}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Thread(threadId) + "#um-awaiting-review", response.Headers.Location!.OriginalString);
        var alicesView = await Alice.FollowRedirectAsync(response);
        Assert.Contains($"Or one o'clock {HoldWord}", alicesView.Single("#um-awaiting-review [data-um-held-id]").TextContent, StringComparison.Ordinal);
        Assert.Single(alicesView.Document.QuerySelectorAll("#um-messages [data-um-message-id]"));

        var bobsInbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal(0, bobsInbox.UnreadBadgeCount);
        Assert.Equal("false", bobsInbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.DoesNotContain("one o'clock", bobsView.Html, StringComparison.Ordinal);
        Assert.Null(bobsView.Find("#um-awaiting-review"));
        Assert.Equal(pendingBefore, await PendingNotificationsAsync(Bob));
    }

    [Fact]
    public async Task TheApi_AnswersAHeldMessage_With202AndItsId()
    {
        await Alice.UseAntiforgeryAsync();
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "Meeting", "Noon?");

        var compose = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Carol.UserName }, subject = "Later", content = $"Tea? {HoldWord}" });
        var reply = await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = $"Or one? {HoldWord}" });

        var heldIds = new List<long>();
        foreach (var response in new[] { compose, reply })
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("awaitingReview", json.RootElement.GetProperty("status").GetString());
            heldIds.Add(json.RootElement.GetProperty("heldMessageId").GetInt64());
        }

        Assert.Equal([heldIds[0]], (await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());
        Assert.Equal([heldIds[1]], (await Alice.GetPageAsync(Paths.Thread(threadId))).AwaitingIds());
        Assert.Empty(await Carol.ApiFolderIdsAsync("inbox"));
        Assert.Single((await Bob.GetPageAsync(Paths.Thread(threadId))).Document.QuerySelectorAll("[data-um-message-id]"));
    }

    [Fact]
    public async Task HoldingAMessage_RaisesMessageHeld_WithTheSenderTheThreadAndTheReason()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Meeting", "Noon?");

        await Alice.ComposeAsync(Carol.UserName, "Later", $"Tea? {HoldWord}");
        await Alice.SendReplyAsync(threadId, $"Or one? {HoldWord}");

        var held = App.Services.GetRequiredService<RecordedEvents>().All.OfType<MessageHeld>().Where(e => e.SenderId == Alice.Id).ToList();
        Assert.Equal(2, held.Count);
        Assert.Null(held[0].ThreadId);
        Assert.Equal(threadId, held[1].ThreadId);
        Assert.All(held, e => Assert.Equal(HoldReason, e.Reason));
        var awaiting = (await Alice.GetPageAsync(Paths.Sent)).AwaitingIds().Concat((await Alice.GetPageAsync(Paths.Thread(threadId))).AwaitingIds());
        Assert.Equal(held.Select(e => e.HeldMessageId), awaiting);
    }

    [Fact]
    public async Task AMessageOneFilterHolds_AndAnotherRejects_IsRejected_AndNothingWaits()
    {
        var response = await Alice.ComposeAsync(Bob.UserName, "Offer", $"Cheap {HoldWord} {RejectWord}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(RejectReason, (await BrowserClient.ReadPageAsync(response)).Single("#um-content-error").TextContent, StringComparison.Ordinal);
        Assert.Null((await Alice.GetPageAsync(Paths.Sent)).Find("#um-awaiting-review"));
        Assert.DoesNotContain(App.Services.GetRequiredService<RecordedEvents>().All.OfType<MessageHeld>(), e => e.SenderId == Alice.Id);
    }

    [Fact]
    public async Task AMessageNoFilterObjectsTo_IsDeliveredAsUsual()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Meeting", "Noon at the usual place?");

        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal([threadId], inbox.RowIds());
        Assert.Equal(1, inbox.UnreadBadgeCount);
        Assert.Null((await Alice.GetPageAsync(Paths.Sent)).Find("#um-awaiting-review"));
    }

    [Fact]
    public async Task WithoutANewAccountAge_TheLimitOnNewAccounts_IsOff()
    {
        // This class leaves Messages:NewAccounts:Age at its default, zero; the default limit is five people a day.
        App.Services.GetRequiredService<NewAccounts>().Add(Alice.Id);
        var people = new List<TestUser> { Bob.User, Carol.User };
        foreach (var name in new[] { "dave", "erin", "frank", "grace" })
        {
            people.Add(await CreateUserAsync(name));
        }

        var threadId = await Alice.StartThreadAsync(string.Join(", ", people.Select(p => p.UserName)), "Party", "All six of you?");

        Assert.Equal([threadId], (await Bob.GetPageAsync(Paths.Inbox)).RowIds());
    }

    protected override void ConfigureServices(IServiceCollection services) => AddTestFilters(services);

    private Task<int> PendingNotificationsAsync(params BrowserClient[] recipients)
    {
        var ids = recipients.Select(r => r.Id).ToList();
        return WithDbAsync(db => db.PendingNotifications.CountAsync(n => ids.Contains(n.RecipientId)));
    }
}
