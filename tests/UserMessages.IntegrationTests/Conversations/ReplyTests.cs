using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>SPEC §3.2 and §4: replies, and the inbox rows (order, excerpt) they change.</summary>
public sealed class ReplyTests : MessagingTest, IClassFixture<SharedApp>
{
    public ReplyTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task InboxExcerpt_OfALongMessage_IsShortAndOnOneLine()
    {
        var words = string.Join("\n", Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Long", words);

        var excerpt = (await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.QuerySelector(".um-thread__excerpt")!.TextContent.Trim();

        Assert.StartsWith($"{Alice.DisplayName}: word1 word2 word3", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= Alice.DisplayName.Length + 2 + 141, excerpt);
    }

    [Fact]
    public async Task Reply_RedirectsBackToTheThreadShowingTheReply()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var response = await Bob.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Yes, 12:30 works." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(threadId, Paths.ThreadIdOf(response));
        var after = await Bob.FollowRedirectAsync(response);
        var messages = after.Document.QuerySelectorAll("#um-messages .um-message");
        Assert.Equal(2, messages.Length);
        Assert.Equal("Yes, 12:30 works.", messages[1].QuerySelector(".um-message__content")!.TextContent);
        Assert.Equal(Bob.DisplayName, messages[1].QuerySelector(".um-message__sender")!.TextContent);
        Assert.EndsWith("#" + messages[1].Id, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ShowsUnreadInTheOtherInbox_WithTheRepliersExcerpt()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Lunch?", "Are you free on Friday?");
        await Bob.ReplyAsync(threadId, "Yes, 12:30 works.");

        var inbox = await Alice.GetPageAsync(Paths.Inbox);

        var row = inbox.ThreadRow(threadId);
        Assert.NotNull(row);
        Assert.Equal("true", row.GetAttribute("data-um-unread"));
        Assert.Equal($"{Bob.DisplayName}: Yes, 12:30 works.", row.QuerySelector(".um-thread__excerpt")!.TextContent.Trim());
        Assert.Equal(1, inbox.UnreadBadgeCount);

        // The replier has read their own reply.
        Assert.Equal("false", (await Bob.GetPageAsync(Paths.Inbox)).ThreadRow(threadId)!.GetAttribute("data-um-unread"));
    }

    [Fact]
    public async Task Inbox_ListsThreadsNewestActivityFirst()
    {
        var older = await Alice.StartThreadAsync(Bob.UserName, "Older", "first");
        var newer = await Carol.StartThreadAsync(Bob.UserName, "Newer", "second");
        Assert.Equal([newer, older], await ThreadIdsAsync(Bob, Paths.Inbox));

        await Alice.ReplyAsync(older, "bump");

        Assert.Equal([older, newer], await ThreadIdsAsync(Bob, Paths.Inbox));
    }

    [Fact]
    public async Task ReplyingToADeletedThread_BringsItBackForTheReplier()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Plans", "What shall we do?");
        await Alice.DeleteAsync(threadId);

        await Alice.ReplyAsync(threadId, "Actually, one more thing.");

        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Null((await Alice.GetPageAsync(Paths.Trash)).ThreadRow(threadId));
    }

    private static async Task<long[]> ThreadIdsAsync(BrowserClient browser, string folder)
    {
        var page = await browser.GetPageAsync(folder);
        return page.Document.QuerySelectorAll("#um-thread-list [data-um-thread-id]")
            .Select(r => long.Parse(r.GetAttribute("data-um-thread-id")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
    }
}
