using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Site;

/// <summary>
/// SPEC §4 and §7 for the pages issue 3 added (archive, search, blocked users, settings): not
/// cached, inside the sample's layout, with the folder navigation marking where the user is.
/// </summary>
public sealed class MailboxPagesTests : MessagingTest, IClassFixture<SharedApp>
{
    public MailboxPagesTests(SharedApp app)
        : base(app)
    {
    }

    public static TheoryData<string> NewPages => new()
    {
        MailboxPaths.Archive,
        MailboxPaths.Search,
        MailboxPaths.SearchFor("hello"),
        MailboxPaths.SearchFor("h"),
        MailboxPaths.Blocked,
        MailboxPaths.Settings,
    };

    [Theory]
    [MemberData(nameof(NewPages))]
    [InlineData("/messages/recipients?q=bo")]
    [InlineData("/messages/recipients?q=b")]
    public async Task NewPages_SendCacheControlNoStore(string url)
    {
        await Alice.StartThreadAsync(Bob.UserName, "Hello", "Private words");

        var response = await Alice.Http.GetAsync(url);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPages_RejectedForms_SendCacheControlNoStore()
    {
        var unknownBlock = await Alice.BlockByNameAsync("nobody@example.com");
        var emptyBulk = await Alice.PostFormAsync(MailboxPaths.Bulk, [new(BrowserClient.TokenField, await Alice.TokenAsync()), new("action", "Archive")]);

        Assert.All(new[] { unknownBlock, emptyBulk }, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("no-store", r.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(NewPages))]
    public async Task NewPages_RenderInsideTheSamplesLayout(string url)
    {
        var page = await Alice.GetPageAsync(url);

        Assert.NotNull(page.Find("header nav.navbar"));
        Assert.Equal("Sample site", page.Single("nav.navbar .navbar-brand").TextContent.Trim());
        Assert.Equal(Alice.UserName, page.Single("#signed-in-as").TextContent.Trim());
        Assert.NotNull(page.Find("main #user-messages"));
        Assert.NotNull(page.Find("#um-unread-badge"));
        Assert.EndsWith(" - UserMessages sample", page.Document.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Paths.Inbox, "[data-um-folder='inbox']")]
    [InlineData(Paths.Sent, "[data-um-folder='sent']")]
    [InlineData(MailboxPaths.Archive, "[data-um-folder='archive']")]
    [InlineData(Paths.Trash, "[data-um-folder='trash']")]
    [InlineData(MailboxPaths.Blocked, "#um-blocked-link")]
    [InlineData(MailboxPaths.Settings, "#um-settings-link")]
    public async Task FolderNavigation_MarksTheCurrentPage_AndNoOther(string url, string current)
    {
        var page = await Alice.GetPageAsync(url);

        var nav = page.Single("nav#um-folders");
        Assert.Equal(
            new[] { Paths.Inbox, Paths.Sent, MailboxPaths.Archive, Paths.Trash, MailboxPaths.Blocked, MailboxPaths.Settings },
            nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var marked = Assert.Single(nav.QuerySelectorAll("[aria-current]"));
        Assert.Equal("page", marked.GetAttribute("aria-current"));
        Assert.Same(nav.QuerySelector(current), marked);
    }

    [Fact]
    public async Task SearchPage_HasTheFolderNavigation_WithNoFolderMarkedCurrent()
    {
        var page = await Alice.GetPageAsync(MailboxPaths.SearchFor("hello"));

        var nav = page.Single("nav#um-folders");
        Assert.Equal(4, nav.QuerySelectorAll("a[data-um-folder]").Length);
        Assert.Empty(nav.QuerySelectorAll("[aria-current]"));
    }

    [Theory]
    [InlineData(MailboxPaths.Archive)]
    [InlineData(MailboxPaths.Search)]
    [InlineData(MailboxPaths.Blocked)]
    [InlineData(MailboxPaths.Settings)]
    public async Task NewPages_SendAnonymousVisitorsToTheLoginPage(string url)
    {
        using var anonymous = App.CreateBrowser();

        var response = await anonymous.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", new Uri(anonymous.Http.BaseAddress!, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData(MailboxPaths.Bulk)]
    [InlineData(MailboxPaths.Blocked)]
    [InlineData(MailboxPaths.Unblock)]
    [InlineData(MailboxPaths.Settings)]
    [InlineData("/messages/thread/{thread}/archive")]
    [InlineData("/messages/thread/{thread}/leave")]
    public async Task AnonymousPosts_AreSentToTheLoginPage_AndChangeNothing(string url)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");
        using var anonymous = App.CreateBrowser();

        var response = await anonymous.PostFormAsync(
            url.Replace("{thread}", threadId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            [new("ids", threadId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "Delete"), new("Name", Bob.UserName), new("UserId", Bob.Id)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", new Uri(anonymous.Http.BaseAddress!, response.Headers.Location!).AbsolutePath);
        Assert.NotNull((await Alice.GetPageAsync(Paths.Inbox)).ThreadRow(threadId));
        Assert.Equal(1, (await Bob.GetPageAsync(Paths.Thread(threadId))).Document.QuerySelectorAll("#um-messages .um-message").Length);
    }

    [Fact]
    public async Task SearchPage_EncodesTheQueryItShowsBack()
    {
        const string query = "<b id=\"injected\">bold</b>";

        var page = await Alice.GetPageAsync(MailboxPaths.SearchFor(query));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Find("#injected"));
        Assert.Equal(query, page.Single("#um-search-q").GetAttribute("value"));
        Assert.Contains(query, page.Single("#um-results-title").TextContent, StringComparison.Ordinal);
    }
}
