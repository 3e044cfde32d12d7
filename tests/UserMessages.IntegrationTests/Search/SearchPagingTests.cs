using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Search;

/// <summary>Issue 3 §3: search results are paged like the folders (two threads a page here).</summary>
public sealed class SearchPagingTests : MessagingTest, IClassFixture<SharedApp>
{
    public SearchPagingTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task SearchResults_PageOlderThenBackNewer_EachMatchOnce()
    {
        var ids = await Seeder.ThreadsAsync(App, Alice.User, Bob.User, 5);

        var first = await Alice.SearchAsync("thread");
        Assert.Equal([ids[4], ids[3]], first.RowIds());
        Assert.Null(first.Find("[data-um-page-link='newer']"));

        var second = await Alice.GetPageAsync(first.Single("[data-um-page-link='older']").GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal([ids[2], ids[1]], second.RowIds());
        Assert.Equal("thread", second.Single("#um-search-q").GetAttribute("value"));

        var third = await Alice.GetPageAsync(second.Single("[data-um-page-link='older']").GetAttribute("href")!);
        Assert.Equal([ids[0]], third.RowIds());
        Assert.Null(third.Find("[data-um-page-link='older']"));

        var back = await Alice.GetPageAsync(third.Single("[data-um-page-link='newer']").GetAttribute("href")!);
        Assert.Equal([ids[2], ids[1]], back.RowIds());
    }

    [Fact]
    public async Task PageLinks_KeepTheQuery_SoOtherThreadsNeverShowUp()
    {
        var ids = await Seeder.ThreadsAsync(App, Alice.User, Bob.User, 5);

        var first = await Alice.SearchAsync("thread 1");
        var all = await Alice.SearchAsync("thread");
        var older = all.Single("[data-um-page-link='older']").GetAttribute("href")!;

        Assert.Equal([ids[0]], first.RowIds());
        Assert.Null(first.Find("[data-um-page-link]"));
        Assert.StartsWith(MailboxPaths.Search + "?", older, StringComparison.Ordinal);
        Assert.Contains("q=thread", older, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedPageLink_Answers400()
    {
        await Seeder.ThreadsAsync(App, Alice.User, Bob.User, 5);

        var page = await Alice.GetPageAsync(MailboxPaths.SearchFor("thread") + "&before=garbage");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Find("#um-thread-list"));
    }

    protected override void ConfigureServices(IServiceCollection services)
        => services.Configure<UserMessagesOptions>(options => options.PageSize = 2);
}
