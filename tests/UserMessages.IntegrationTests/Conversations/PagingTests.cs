using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>SPEC §6: folders and threads are paged (25 threads, 50 messages a page) with links a browser follows.</summary>
public sealed class PagingTests : MessagingTest, IClassFixture<SharedApp>
{
    public PagingTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task Inbox_PagesThroughEveryThreadOnce_OlderThenBackNewer()
    {
        var ids = await Seeder.ThreadsAsync(App, Alice.User, Bob.User, 30);

        var first = await Alice.GetPageAsync(Paths.Inbox);
        Assert.Equal(ids.Skip(5).Reverse(), first.RowIds());
        Assert.Null(first.Find("[data-um-page-link='newer']"));

        var second = await Alice.GetPageAsync(first.Single("[data-um-page-link='older']").GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(ids.Take(5).Reverse(), second.RowIds());
        Assert.Null(second.Find("[data-um-page-link='older']"));

        var back = await Alice.GetPageAsync(second.Single("[data-um-page-link='newer']").GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal(ids.Skip(5).Reverse(), back.RowIds());
    }

    [Fact]
    public async Task ThreadPage_ShowsTheNewest50Messages_AndLinksToOlderOnes()
    {
        var (threadId, _) = await Seeder.ThreadWithMessagesAsync(App, Alice.User, Bob.User, 60);

        var newest = await Alice.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(Enumerable.Range(11, 50).Select(i => $"Message {i}"), Contents(newest));
        Assert.NotNull(newest.Find("#um-reply-form"));

        var older = await Alice.GetPageAsync(newest.Single("[data-um-page-link='older']").GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, older.Status);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Message {i}"), Contents(older));
        Assert.Null(older.Find("[data-um-page-link='older']"));

        var newer = await Alice.GetPageAsync(older.Single("[data-um-page-link='newer']").GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, newer.Status);
        Assert.Equal(Enumerable.Range(11, 50).Select(i => $"Message {i}"), Contents(newer));
    }

    private static IEnumerable<string> Contents(HtmlPage page)
        => page.Document.QuerySelectorAll("#um-messages .um-message__content").Select(c => c.TextContent);
}
