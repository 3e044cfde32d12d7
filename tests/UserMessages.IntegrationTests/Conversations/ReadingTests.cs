using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>SPEC §3.3 and §3.5: unread markers, reading, and the unread-thread badge.</summary>
public sealed class ReadingTests : MessagingTest, IClassFixture<SharedApp>
{
    public ReadingTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task NewThread_IsUnreadInTheRecipientsInbox_AndTheirBadgeShowsOne()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");

        var inbox = await Bob.GetPageAsync(Paths.Inbox);

        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        var row = inbox.ThreadRow(threadId);
        Assert.NotNull(row);
        Assert.Equal("true", row.GetAttribute("data-um-unread"));
        Assert.Contains("Lunch?", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Alice.DisplayName, row.QuerySelector(".um-thread__people")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, inbox.UnreadBadgeCount);
    }

    [Fact]
    public async Task NewThread_IsReadForItsSender()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");

        var inbox = await Alice.GetPageAsync(Paths.Inbox);

        Assert.Equal("false", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(0, inbox.UnreadBadgeCount);
    }

    [Fact]
    public async Task OpeningThread_MarksItRead_AndTheBadgeDropsToZero()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");

        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal("Are you free on Friday?", thread.Single("#um-messages .um-message__content").TextContent);
        Assert.Equal(0, thread.UnreadBadgeCount);

        var inbox = await Bob.GetPageAsync(Paths.Inbox);
        Assert.Equal("false", inbox.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(0, inbox.UnreadBadgeCount);
    }

    [Fact]
    public async Task OpeningThread_MarksItReadOnlyForTheReader()
    {
        var threadId = await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Team", "Monday?");

        await Bob.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal("false", (await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        var carols = await Carol.GetPageAsync(Paths.Inbox);
        Assert.Equal("true", carols.ThreadRow(threadId)!.GetAttribute("data-um-unread"));
        Assert.Equal(1, carols.UnreadBadgeCount);
    }

    [Fact]
    public async Task UnreadBadge_CountsThreadsNotMessages()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        await Alice.ReplyAsync(first, "Second message in the same thread");
        await Carol.StartThreadAsync(Bob.UserName, "Two", "Another thread");

        var inbox = await Bob.GetPageAsync(Paths.Inbox);

        Assert.Equal(2, inbox.UnreadBadgeCount);
    }

    [Fact]
    public async Task UnreadBadge_OnEveryFolderPage_ShowsTheInboxCount_WhetherTheFolderIsEmptyOrNot()
    {
        // The folder pages read the badge's count with their threads; an empty folder reads it on its own.
        await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        await Alice.StartThreadAsync(Bob.UserName, "Two", "Second");
        var archived = await Alice.StartThreadAsync(Bob.UserName, "Three", "Third");
        await Bob.PressThreadButtonAsync(archived, "um-archive");

        foreach (var (path, rows) in new[] { (Paths.Inbox, 2), (MailboxPaths.Archive, 1), (Paths.Sent, 0), (Paths.Trash, 0) })
        {
            var page = await Bob.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(rows, page.Document.QuerySelectorAll("[data-um-thread-id]").Length);
            Assert.Equal(2, page.UnreadBadgeCount);
        }
    }

    [Fact]
    public async Task OpeningAThreadWithNewReplies_MarksWhereTheNewMessagesStart()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plans", "What shall we do?");
        await Bob.ReplyAsync(threadId, "Cinema?");
        await Bob.ReplyAsync(threadId, "Or the park.");

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        var divider = thread.Single("#um-messages #um-new");
        Assert.Equal("Cinema?", divider.NextElementSibling!.QuerySelector(".um-message__content")!.TextContent);
        Assert.Equal(
            ["What shall we do?", "(new)", "Cinema?", "Or the park."],
            thread.Document.QuerySelectorAll("#um-messages > li").Select(li => li.Id == "um-new" ? "(new)" : li.QuerySelector(".um-message__content")!.TextContent));
        Assert.Null((await Alice.GetPageAsync(Paths.Thread(threadId))).Find("#um-new"));
    }

    [Fact]
    public async Task DeletingAnUnreadThread_TakesItOutOfTheUnreadCount()
    {
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        await Carol.StartThreadAsync(Bob.UserName, "Two", "Second");
        var token = await Bob.TokenAsync();

        // As a script or a list action would: delete without opening the thread.
        var response = await Bob.PostFormAsync(Paths.Delete(first), [new(BrowserClient.TokenField, token)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, (await Bob.GetPageAsync(Paths.Inbox)).UnreadBadgeCount);
    }
}
