using System.Net;
using System.Text.RegularExpressions;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Site;

/// <summary>SPEC §4: the pages use the host's layout and overrides, and the package's own assets.</summary>
public sealed partial class SiteIntegrationTests : MessagingTest, IClassFixture<SharedApp>
{
    public SiteIntegrationTests(SharedApp app)
        : base(app)
    {
    }

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
        Assert.Contains(references, r => PackageStylesheet().IsMatch(r));
        Assert.All(references, r => Assert.DoesNotMatch("^(?i)(https?:)?//", r));
    }

    [Theory]
    [MemberData(nameof(PackagePages))]
    public async Task PackagePages_LinkThePackagesStylesheetOnce_ThoughTheBadgeInTheLayoutWantsItToo(string url)
    {
        var page = await Alice.GetPageAsync(await ResolveAsync(url));

        Assert.NotNull(page.Find("#um-unread-badge"));
        Assert.Single(page.Document.QuerySelectorAll("link[rel=stylesheet]"), l => PackageStylesheet().IsMatch(l.GetAttribute("href")!));
    }

    [Fact]
    public async Task TheSitesOwnPage_GetsThePackagesStylesheetFromTheBadge_Once()
    {
        var home = await Alice.GetPageAsync("/");

        var stylesheet = Assert.Single(home.Document.QuerySelectorAll("link[rel=stylesheet]"), l => PackageStylesheet().IsMatch(l.GetAttribute("href")!));
        var response = await Alice.Http.GetAsync(stylesheet.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".um-badge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PackagePages))]
    public async Task PackagePages_RenderTheLayoutsImportMapAndFingerprintedLinks_AsTheSitesOwnPagesDo(string url)
    {
        var home = await Alice.GetPageAsync("/");
        var page = await Alice.GetPageAsync(await ResolveAsync(url));

        var importMap = home.Single("head script[type=importmap]").TextContent;
        Assert.Contains("\"imports\"", importMap, StringComparison.Ordinal);
        Assert.Equal(importMap, page.Single("head script[type=importmap]").TextContent);
        Assert.Equal(home.HeadReferences, page.HeadReferences);
        Assert.Contains(page.HeadReferences, r => FingerprintedSiteStylesheet().IsMatch(r));
    }

    [Fact]
    public async Task PackageAssets_AreLinkedByTheirFingerprintedPaths_AsTheSitesOwnAre()
    {
        var home = await Alice.GetPageAsync("/");
        var inbox = await Alice.GetPageAsync(Paths.Inbox);

        // Fingerprinted paths change with the file, so a browser never keeps an old stylesheet or script after an update.
        Assert.Matches(FingerprintedPackageAsset(), Assert.Single(PackageAssets(home, "link[rel=stylesheet]", "href")));
        Assert.Matches(FingerprintedPackageAsset(), Assert.Single(PackageAssets(inbox, "link[rel=stylesheet]", "href")));
        var scripts = PackageAssets(inbox, "script[src]", "src");
        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, s => Assert.Matches(FingerprintedPackageAsset(), s));

        static List<string> PackageAssets(HtmlPage page, string selector, string attribute)
            => [.. page.Document.QuerySelectorAll(selector).Select(e => e.GetAttribute(attribute)!).Where(a => a.StartsWith("/_content/UserMessages/", StringComparison.Ordinal))];
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
    [InlineData(Paths.Sent, "en", "Nothing sent yet.")]
    [InlineData(Paths.Trash, "en", "Nothing in the trash yet.")]
    [InlineData(Paths.Inbox, "de", "Ihr Posteingang ist leer – sagen Sie jemandem Hallo!")]
    [InlineData(Paths.Sent, "de", "Noch nichts gesendet.")]
    [InlineData(Paths.Trash, "de", "Der Papierkorb ist noch leer.")]
    public async Task EmptyFolders_UseTheSamplesOverride_InTheReadersLanguage(string url, string language, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var page = await BrowserClient.ReadPageAsync(await Alice.Http.SendAsync(request));

        Assert.Equal(text, page.Single("[data-sample-override='empty-folder'] p").TextContent.Trim());
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

    [GeneratedRegex(@"^/_content/UserMessages/usermessages(\.[a-z0-9]+)?\.css$")]
    private static partial Regex PackageStylesheet();

    [GeneratedRegex(@"^/_content/UserMessages/(lib/signalr/signalr\.min|usermessages)\.[a-z0-9]+\.(css|js)$")]
    private static partial Regex FingerprintedPackageAsset();

    [GeneratedRegex(@"^/site\.[a-z0-9]+\.css$")]
    private static partial Regex FingerprintedSiteStylesheet();

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
