using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Safety;

/// <summary>
/// Issue 18 §1: every page and API answer carries nosniff, refuses framing, keeps thread addresses
/// from other sites, and the pages a CSP their own scripts and styles (and the host's import map) satisfy.
/// </summary>
public sealed class SecurityHeaderTests : MessagingTest, IClassFixture<SharedApp>
{
    public SecurityHeaderTests(SharedApp app)
        : base(app)
    {
    }

    public static TheoryData<string> Pages => new() { Paths.Inbox, Paths.Sent, Paths.Create, MailboxPaths.Blocked, "/messages/settings", "thread", "missing thread" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_CarriesTheHeaders_AndACspThatAllowsOnlyItsOwnScriptsStylesAndTheLayoutsImportMap(string url)
    {
        var page = await Alice.GetPageAsync(await ResolveAsync(url));

        var headers = page.Response.Headers;
        Assert.Equal("nosniff", Single(headers, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(headers, "X-Frame-Options"));
        Assert.Equal("same-origin", Single(headers, "Referrer-Policy"));
        var csp = Single(headers, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);

        // The layout's one inline script, its import map, is allowed by its hash; no other inline script is on the page.
        var inline = page.Document.QuerySelectorAll("script:not([src])").ToList();
        var importMap = Assert.Single(inline);
        Assert.Equal("importmap", importMap.GetAttribute("type"));
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.TextContent)));
        Assert.Contains($"script-src 'sha256-{hash}' 'self';", csp, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("[style], [onclick], [onload], [onsubmit], [onchange], [oninput]"));
    }

    [Fact]
    public async Task ApiAnswers_CarryTheHeaders_WithACspThatAllowsNothing()
    {
        await Alice.UseAntiforgeryAsync();
        var created = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Hi", content = "Hello" });
        var refused = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = Array.Empty<string>(), subject = "", content = "" });
        var read = await Alice.Http.GetAsync(ApiSteps.Folder("inbox"));
        var negotiate = await Alice.Http.PostAsync("/messages/hub/negotiate?negotiateVersion=1", content: null);

        foreach (var response in new[] { created, refused, read, negotiate })
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
            Assert.Equal("nosniff", Single(response.Headers, "X-Content-Type-Options"));
            Assert.Equal("DENY", Single(response.Headers, "X-Frame-Options"));
            Assert.Equal("same-origin", Single(response.Headers, "Referrer-Policy"));
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Single(response.Headers, "Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task HeadersTheHostSetsItself_AreKept()
    {
        await using var app = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new HostHeaders())));
        using var alice = new BrowserClient(app.CreateClient(new() { AllowAutoRedirect = false }), Alice.User);
        alice.Http.DefaultRequestHeaders.Add(TestAuthenticationHandler.UserHeader, Alice.Id);

        var page = await alice.GetPageAsync(Paths.Inbox);

        Assert.Equal("SAMEORIGIN", Single(page.Response.Headers, "X-Frame-Options"));
        Assert.Equal("frame-ancestors 'self'", Single(page.Response.Headers, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(page.Response.Headers, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task TheOptions_TurnEachHeaderOff_OrAllOfThem()
    {
        await using var some = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.Configure<UserMessagesOptions>(o =>
        {
            o.SecurityHeaders.FrameOptions = null;
            o.SecurityHeaders.PageContentSecurityPolicy = "default-src 'self'";
        })));
        await using var none = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.Configure<UserMessagesOptions>(o => o.SecurityHeaders.Enabled = false)));

        var changed = await GetAsync(some, Paths.Inbox);
        var off = await GetAsync(none, Paths.Inbox);

        // Without the package's DENY, antiforgery's own SAMEORIGIN default is what the framework sends.
        Assert.Equal("SAMEORIGIN", Single(changed.Headers, "X-Frame-Options"));
        Assert.Equal("default-src 'self'", Single(changed.Headers, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(changed.Headers, "X-Content-Type-Options"));
        Assert.Equal("SAMEORIGIN", Single(off.Headers, "X-Frame-Options"));
        Assert.False(off.Headers.Contains("Content-Security-Policy"));
        Assert.False(off.Headers.Contains("Referrer-Policy"));
        Assert.False(off.Headers.Contains("X-Content-Type-Options"));
    }

    private async Task<HttpResponseMessage> GetAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string url)
    {
        var http = app.CreateClient(new() { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add(TestAuthenticationHandler.UserHeader, Alice.Id);
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string Single(System.Net.Http.Headers.HttpResponseHeaders headers, string name)
        => Assert.Single(headers.TryGetValues(name, out var values) ? values : []);

    private async Task<string> ResolveAsync(string url)
    {
        if (url is "thread" or "missing thread")
        {
            var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Hi");
            return Paths.Thread(url == "thread" ? threadId : threadId + 1000);
        }

        return url;
    }

    /// <summary>A host whose own middleware sets framing headers on every response.</summary>
    private sealed class HostHeaders : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
                http.Response.Headers["Content-Security-Policy"] = "frame-ancestors 'self'";
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
