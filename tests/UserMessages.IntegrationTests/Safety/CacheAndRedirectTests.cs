using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>SPEC §7: message pages are never cached, redirects stay on the site, only signed-in users get in.</summary>
public sealed class CacheAndRedirectTests : MessagingTest, IClassFixture<SharedApp>
{
    public CacheAndRedirectTests(SharedApp app)
        : base(app)
    {
    }

    [Theory]
    [InlineData("/messages")]
    [InlineData("/messages/sent")]
    [InlineData("/messages/trash")]
    [InlineData("/messages/create")]
    [InlineData("/messages/create/{bob}")]
    [InlineData("/messages/thread/{thread}")]
    [InlineData("/messages/thread/{missing}")]
    [InlineData("/messages/thread/abc")]
    [InlineData("/messages?before=garbage")]
    public async Task EveryMessagePage_SendsCacheControlNoStore(string url)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Not for caches");
        url = url.Replace("{bob}", Bob.Id, StringComparison.Ordinal)
            .Replace("{thread}", threadId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{missing}", (threadId + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var response = await Alice.Http.GetAsync(url);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedForms_SendCacheControlNoStore()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Private", "Not for caches");
        var form = await Alice.GetPageAsync(Paths.Create);
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));

        HttpResponseMessage[] responses =
        [
            await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields("", "", "typed text")),
            await Alice.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "" }),
            await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Bob.UserName, "Big", new string('x', 2 * 1024 * 1024))),
            await Alice.PostFormAsync(Paths.Thread(threadId), [new("Content", "no token")]),
        ];

        Assert.All(responses, r => Assert.Contains("no-store", r.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("http:evil.example")]
    [InlineData("evil.example")]
    public async Task Delete_WithAForeignReturnUrl_RedirectsToTheInbox(string returnUrl)
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");

        var response = await Alice.DeleteAsync(threadId, new Dictionary<string, string> { ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Inbox, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Delete_WithALocalReturnUrl_RedirectsThere()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");

        var response = await Alice.DeleteAsync(threadId, new Dictionary<string, string> { ["returnUrl"] = Paths.Trash });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Trash, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/messages")]
    [InlineData("/messages/thread/1")]
    [InlineData("/messages/create")]
    public async Task AnonymousVisitor_IsRedirectedToTheLoginPage(string url)
    {
        using var anonymous = App.CreateBrowser();

        var response = await anonymous.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(anonymous.Http.BaseAddress!, response.Headers.Location!);
        Assert.Equal("/Identity/Account/Login", location.AbsolutePath);
        Assert.Equal(anonymous.Http.BaseAddress!.Host, location.Host);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(url), location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPost_IsRedirectedToTheLoginPage_AndSavesNothing()
    {
        using var anonymous = App.CreateBrowser();

        var response = await anonymous.PostFormAsync(Paths.Create, MessagingSteps.ComposeFields(Bob.UserName, "Hello", "Hi"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", new Uri(anonymous.Http.BaseAddress!, response.Headers.Location!).AbsolutePath);
        Assert.Equal((0, 0, 0), await CountRowsAsync());
    }
}
