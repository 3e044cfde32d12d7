using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Site;

/// <summary>SPEC §4: the pages use the host's layout and overrides, and the package's own assets.</summary>
public sealed class SiteIntegrationTests : MessagingTest
{
    public static TheoryData<string> PackagePages => new() { Paths.Inbox, Paths.Sent, Paths.Trash, Paths.Create, "thread", "missing thread" };

    [Theory]
    [MemberData(nameof(PackagePages))]
    public async Task PackagePages_RenderInsideTheSamplesLayout(string url)
    {
        var page = await Alice.GetPageAsync(await ResolveAsync(url));

        Assert.NotNull(page.Find("header nav.navbar"));
        Assert.Equal("Sample site", page.Single("nav.navbar .navbar-brand").TextContent.Trim());
        Assert.Equal(Alice.UserName, page.Single("#signed-in-as").TextContent.Trim());
        Assert.NotNull(page.Find("main #user-messages"));
        Assert.EndsWith(" - UserMessages sample", page.Document.Title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PackagePages))]
    public async Task PackagePages_ReferenceNoScriptOrStylesheetFromAnotherHost(string url)
    {
        var page = await Alice.GetPageAsync(await ResolveAsync(url));

        var references = page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)
            .Concat(page.Document.QuerySelectorAll("link[href]").Select(l => l.GetAttribute("href")!))
            .ToList();
        Assert.Contains("/_content/UserMessages/usermessages.css", references);
        Assert.All(references, r => Assert.DoesNotMatch("^(?i)(https?:)?//", r));
    }

    [Fact]
    public async Task EmptyInbox_UsesTheSamplesOverrideOfTheEmptyFolderPartial()
    {
        var inbox = await Alice.GetPageAsync(Paths.Inbox);

        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        var empty = inbox.Single("[data-sample-override='empty-folder']");
        Assert.Contains("Your inbox is empty", empty.TextContent, StringComparison.Ordinal);
        Assert.Null(inbox.Find("#um-thread-list"));

        // The override's link is made from the package's route names.
        Assert.Equal(Paths.Create, empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(Paths.Sent, "Nothing in sent yet.")]
    [InlineData(Paths.Trash, "Nothing in trash yet.")]
    public async Task EmptySentAndTrash_UseTheSamplesOverrideToo(string url, string text)
    {
        var page = await Alice.GetPageAsync(url);

        Assert.Equal(text, page.Single("[data-sample-override='empty-folder']").TextContent.Trim());
    }

    [Fact]
    public async Task UnreadBadge_IsInTheLayoutOfTheSitesOwnPages()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi");

        var home = await Alice.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(1, home.UnreadBadgeCount);
        Assert.Equal(Paths.Inbox, home.Single("#um-unread-badge").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/_content/UserMessages/usermessages.css", "text/css")]
    [InlineData("/_content/UserMessages/usermessages.js", "text/javascript")]
    public async Task PackageAssets_AreServed(string url, string contentType)
    {
        var response = await Alice.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stylesheet_KeepsLineBreaksOfMessages()
    {
        var css = await Alice.Http.GetStringAsync("/_content/UserMessages/usermessages.css");

        Assert.Matches(@"\.um-message__content\s*\{[^}]*white-space:\s*pre-wrap", css);
    }

    private async Task<string> ResolveAsync(string url)
    {
        if (url is "thread" or "missing thread")
        {
            var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");
            return Paths.Thread(url == "thread" ? threadId : threadId + 1000);
        }

        return url;
    }
}
