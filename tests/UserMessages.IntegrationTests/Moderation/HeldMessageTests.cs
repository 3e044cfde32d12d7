using System.Net;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;
using static UserMessages.IntegrationTests.Moderation.FiltersTestKit;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// Issue 21, item 4, as moderators work it: the held messages at <c>/messages/moderation/held</c>; approving one delivers
/// it as its sender, rejecting drops it, both logged; nobody else reaches the page or its forms.
/// </summary>
public sealed class HeldMessageTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private BrowserClient moderator = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        moderator = App.CreateBrowser(await CreateUserAsync("moderator"), ModeratorRole);
    }

    public override async Task DisposeAsync()
    {
        moderator?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Moderators_SeeAHeldMessage_WithItsSenderRecipientsTextAndReason()
    {
        await Alice.ComposeAsync(Bob.UserName, "Lunch", $"Pizza on Friday? {HoldWord}");
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());

        var page = await moderator.GetPageAsync(Held);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var item = page.HeldItem(heldId) ?? throw new Xunit.Sdk.XunitException($"Held message {heldId} is not listed:\n{page.Html}");
        Assert.Contains($"Pizza on Friday? {HoldWord}", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lunch", item.TextContent, StringComparison.Ordinal);
        Assert.Contains(Alice.DisplayName, item.TextContent, StringComparison.Ordinal);
        Assert.Contains(Bob.DisplayName, item.TextContent, StringComparison.Ordinal);
        Assert.Contains(HoldReason, item.TextContent, StringComparison.Ordinal);
        Assert.Equal(HeldDecision(heldId), item.QuerySelector("form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task ApprovingAHeldNewThread_DeliversItFromItsSender_UnreadAndNotified_AndLogsIt()
    {
        await Alice.ComposeAsync($"{Bob.UserName}, {Carol.UserName}", "Lunch", $"Pizza on Friday? {HoldWord}");
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());
        var note = UniqueNote("Harmless");

        var response = await moderator.DecideHeldAsync(heldId, "approve", note);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await moderator.GetPageAsync(Held)).HeldItem(heldId));
        foreach (var recipient in new[] { Bob, Carol })
        {
            var inbox = await recipient.GetPageAsync(Paths.Inbox);
            var threadId = Assert.Single(inbox.RowIds());
            Assert.Equal("true", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
            Assert.Equal(1, inbox.UnreadBadgeCount);
            var thread = await recipient.GetPageAsync(Paths.Thread(threadId));
            Assert.Equal(Alice.DisplayName, thread.Single("#um-messages .um-message__sender").TextContent);
            Assert.Equal($"Pizza on Friday? {HoldWord}", thread.Single("#um-messages .um-message__content").TextContent);
        }

        var sent = await Alice.GetPageAsync(Paths.Sent);
        Assert.Single(sent.RowIds());
        Assert.Empty(sent.AwaitingIds());
        Assert.Equal(2, await PendingNotificationsAsync(Bob, Carol));
        var row = await moderator.LogRowAsync(note) ?? throw new Xunit.Sdk.XunitException("The approval is not in the log.");
        Assert.Equal("approved", row.GetAttribute("data-um-action"));
        Assert.Contains(Alice.DisplayName, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingAHeldReply_AddsItToTheThread_UnreadForTheOthers()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch", "Pizza on Friday?");
        await Bob.GetPageAsync(Paths.Thread(threadId));
        await Alice.SendReplyAsync(threadId, $"Or sushi {HoldWord}");
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Thread(threadId))).AwaitingIds());

        var response = await moderator.DecideHeldAsync(heldId, "approve", UniqueNote("Fine"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal("true", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(1, inbox.UnreadBadgeCount);
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(
            ["Pizza on Friday?", $"Or sushi {HoldWord}"],
            thread.Document.QuerySelectorAll("#um-messages .um-message__content").Select(e => e.TextContent).ToArray());
        var alicesView = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Empty(alicesView.AwaitingIds());
        Assert.Equal(2, alicesView.Document.QuerySelectorAll("#um-messages [data-um-message-id]").Length);
    }

    [Fact]
    public async Task RejectingAHeldMessage_DropsIt_ForItsSenderToo_AndLogsIt()
    {
        await Alice.ComposeAsync(Bob.UserName, "Lunch", $"Pizza on Friday? {HoldWord}");
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());
        var note = UniqueNote("Spam");

        var response = await moderator.DecideHeldAsync(heldId, "reject", note);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await moderator.GetPageAsync(Held)).HeldItem(heldId));
        var sent = await Alice.GetPageAsync(Paths.Sent);
        Assert.Empty(sent.AwaitingIds());
        Assert.Empty(sent.RowIds());
        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Empty(inbox.RowIds());
        Assert.Equal(0, inbox.UnreadBadgeCount);
        Assert.Equal(0, await PendingNotificationsAsync(Bob));
        var row = await moderator.LogRowAsync(note) ?? throw new Xunit.Sdk.XunitException("The rejection is not in the log.");
        Assert.Equal("rejected", row.GetAttribute("data-um-action"));
        Assert.Contains(Alice.DisplayName, row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingAReply_ToAThreadItsSenderHasLeft_ShowsAnError_AndTheMessageStaysHeld()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch", "Pizza on Friday?");
        var reply = UniqueNote($"Or ramen {HoldWord}");
        await Alice.SendReplyAsync(threadId, reply);
        Assert.Single((await Alice.GetPageAsync(Paths.Thread(threadId))).AwaitingIds());
        await Alice.PressThreadButtonAsync(threadId, "um-leave");
        var heldId = long.Parse(HeldItemWith(await moderator.GetPageAsync(Held), reply).GetAttribute("data-um-held-id")!, System.Globalization.CultureInfo.InvariantCulture);

        var response = await moderator.DecideHeldAsync(heldId, "approve", UniqueNote("Fine"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var item = HeldItemWith(await BrowserClient.ReadPageAsync(response), reply);
        var error = item.QuerySelector(".um-field-error");
        Assert.True(error is not null && error.TextContent.Trim().Length > 0, $"The held reply (held as {heldId} when approved) shows no error:\n{item.OuterHtml}");
        Assert.NotNull(HeldItemWith(await moderator.GetPageAsync(Held), reply));
        Assert.DoesNotContain("Or ramen", (await Bob.GetPageAsync(Paths.Thread(threadId))).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonModerators_GetNotFound_FromTheHeldPage_AndItsDecisions_AndTheMessageStaysHeld()
    {
        await Alice.ComposeAsync(Bob.UserName, "Lunch", $"Pizza on Friday? {HoldWord}");
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());
        var token = await Bob.TokenAsync();

        var page = await Bob.GetPageAsync(Held);
        var decision = await Bob.PostFormAsync(HeldDecision(heldId), [new(BrowserClient.TokenField, token), new("Decision", "approve"), new("Note", "Looks fine")]);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Null(page.Find("li[data-um-held-id]"));
        Assert.Equal(HttpStatusCode.NotFound, decision.StatusCode);
        Assert.Empty((await Bob.GetPageAsync(Paths.Inbox)).RowIds());
        Assert.Equal([heldId], (await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());
        Assert.NotNull((await moderator.GetPageAsync(Held)).HeldItem(heldId));
    }

    protected override void ConfigureServices(IServiceCollection services) => AddTestFilters(services);

    /// <summary>The one item of the moderators' list with <paramref name="content"/>; fails the test when it is not listed.</summary>
    private static AngleSharp.Dom.IElement HeldItemWith(HtmlPage page, string content)
        => page.Document.QuerySelectorAll("li[data-um-held-id]").SingleOrDefault(li => li.TextContent.Contains(content, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No held message '{content}' is listed ({(int)page.Status}):\n{page.Html}");

    private Task<int> PendingNotificationsAsync(params BrowserClient[] recipients)
    {
        var ids = recipients.Select(r => r.Id).ToList();
        return WithDbAsync(db => db.PendingNotifications.CountAsync(n => ids.Contains(n.RecipientId)));
    }
}
