using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Site;

/// <summary>Issue 17 §6: the badge as the package's link, as the host's navbar link, or the count alone, each as documented in the README.</summary>
public sealed class UnreadBadgeShapesTests : MessagingTest, IClassFixture<SharedApp>
{
    private const string ProbePath = "/badge-probe";

    public UnreadBadgeShapesTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task PlainBadge_IsThePackagesLink_WithTheCountAndItsLabel()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi");

        var badge = await BadgeAsync(Alice, "");

        Assert.Equal("a", badge.LocalName);
        Assert.Equal("um-badge", badge.ClassName);
        Assert.Equal(Paths.Inbox, badge.GetAttribute("href"));
        Assert.Equal("Messages, 1 unread", badge.GetAttribute("aria-label"));
        Assert.Equal("Messages", badge.QuerySelector(".um-badge__label")!.TextContent);
        Assert.Equal("1", badge.QuerySelector("[data-um-count]")!.TextContent);
        Assert.Equal("um-badge__count", badge.QuerySelector("[data-um-count]")!.ClassName);
    }

    [Fact]
    public async Task NavbarBadge_CarriesTheHostsClasses_InPlaceOfThePackages()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi");

        var badge = await BadgeAsync(Alice, "?linkClass=nav-link+text-dark&countClass=badge+rounded-pill+text-bg-danger");

        Assert.Equal("nav-link text-dark", badge.ClassName);
        Assert.Equal("badge rounded-pill text-bg-danger", badge.QuerySelector("[data-um-count]")!.ClassName);
        Assert.Equal("badge rounded-pill text-bg-danger", badge.GetAttribute("data-um-count-class"));
        Assert.Empty(badge.QuerySelectorAll(".um-badge, .um-badge__count"));
    }

    [Fact]
    public async Task CountOnly_IsTheNumberAlone_WithWordsForScreenReaders()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi");
        await Carol.StartThreadAsync(Alice.UserName, "Hello too", "Hi");

        var badge = await BadgeAsync(Alice, "?countOnly=true&countClass=badge");

        Assert.Equal("span", badge.LocalName);
        Assert.Equal("badge", badge.ClassName);
        Assert.False(badge.HasAttribute("hidden"));
        Assert.Equal("2", badge.QuerySelector("[data-um-count]")!.TextContent);
        Assert.Equal(" unread", badge.QuerySelector(".um-visually-hidden")!.TextContent);
        Assert.Null(badge.QuerySelector("a"));
    }

    [Fact]
    public async Task CountOnly_IsHidden_WhileNothingIsUnread()
    {
        var badge = await BadgeAsync(Alice, "?countOnly=true");

        Assert.True(badge.HasAttribute("hidden"));
        Assert.Equal("0", badge.GetAttribute("data-um-unread-count"));
    }

    [Fact]
    public async Task Label_ReplacesMessages_InTheTextAndTheAccessibleName()
    {
        var badge = await BadgeAsync(Alice, "?label=Inbox");

        Assert.Equal("Inbox", badge.QuerySelector(".um-badge__label")!.TextContent);
        Assert.Equal("Inbox, none unread", badge.GetAttribute("aria-label"));
        Assert.Equal("Inbox, {0} unread", badge.GetAttribute("data-um-text-some"));
        Assert.Null(badge.QuerySelector("[data-um-count]"));
    }

    [Fact]
    public async Task Badge_SpeaksTheReadersLanguage()
    {
        await Bob.StartThreadAsync(Alice.UserName, "Hello", "Hi");

        var badge = await BadgeAsync(Alice, "", language: "de");

        Assert.Equal("Nachrichten, 1 ungelesen", badge.GetAttribute("aria-label"));
        Assert.Equal("Nachrichten", badge.QuerySelector(".um-badge__label")!.TextContent);
    }

    [Fact]
    public async Task AnonymousVisitor_GetsNoBadge()
    {
        using var anonymous = App.CreateBrowser();

        var page = await anonymous.GetPageAsync(ProbePath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Find("#um-unread-badge"));
    }

    protected override void ConfigureServices(IServiceCollection services)
        => services.AddSingleton<IStartupFilter, BadgeProbe>();

    private static async Task<AngleSharp.Dom.IElement> BadgeAsync(BrowserClient browser, string query, string language = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ProbePath + query);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var page = await BrowserClient.ReadPageAsync(await browser.Http.SendAsync(request));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Single("#um-unread-badge");
    }

    /// <summary>Renders the badge alone at <see cref="ProbePath"/>, with the view component's arguments from the query string, as a host's layout would invoke it.</summary>
    private sealed class BadgeProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(async http =>
            {
                if (http.Request.Path != ProbePath)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                var query = http.Request.Query;
                var result = new ViewComponentResult
                {
                    ViewComponentName = "UserMessagesUnreadBadge",
                    Arguments = new
                    {
                        countOnly = query["countOnly"] == "true",
                        linkClass = (string?)query["linkClass"],
                        countClass = (string?)query["countClass"],
                        label = (string?)query["label"],
                    },
                };
                var context = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
                await http.RequestServices.GetRequiredService<IActionResultExecutor<ViewComponentResult>>().ExecuteAsync(context, result);
            });
        };
    }
}
