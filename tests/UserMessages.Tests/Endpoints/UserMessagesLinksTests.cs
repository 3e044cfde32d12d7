using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Web;

namespace UserMessages.Tests.Endpoints;

/// <summary>SPEC §4: every link comes from route names, so it follows whichever prefix the host chose.</summary>
public sealed class UserMessagesLinksTests
{
    [Fact]
    public async Task Links_OnAPageUnderAPrefix_StayUnderThatPrefix()
    {
        await using var app = MessagingApp.Build();
        app.MapUserMessages("/messages");
        app.MapUserMessages("/inbox");
        await app.StartAsync();
        var links = app.Services.GetRequiredService<UserMessagesLinks>();

        var onInbox = RequestOn(app, "/inbox/");
        var onMessages = RequestOn(app, "/messages/");

        Assert.Equal("/inbox/thread/42", links.Thread(onInbox, 42));
        Assert.Equal("/inbox/sent", links.Folder(onInbox, MailboxFolder.Sent));
        Assert.Equal("/messages/thread/42/delete", links.Delete(onMessages, 42));
        Assert.Equal("/messages/create", links.Create(onMessages));
    }

    [Fact]
    public async Task Links_OutsideTheMessagingPages_UseTheFirstPrefixMapped()
    {
        await using var app = MessagingApp.Build();
        app.MapGet("/", () => "home");
        app.MapUserMessages("/pm");
        app.MapUserMessages("/inbox");
        await app.StartAsync();
        var links = app.Services.GetRequiredService<UserMessagesLinks>();

        var onHome = RequestOn(app, "/");

        Assert.Equal("/pm", links.Inbox(onHome).TrimEnd('/'));
    }

    [Fact]
    public async Task ThreadLinks_ManyInOneRequest_EachNameItsThread_UnderThePathBase_AndFollowTheRequestToAnotherPrefix()
    {
        await using var app = MessagingApp.Build();
        app.MapUserMessages("/messages");
        app.MapUserMessages("/inbox");
        await app.StartAsync();
        var links = app.Services.GetRequiredService<UserMessagesLinks>();
        var http = RequestOn(app, "/inbox/");
        http.Request.PathBase = "/site";

        Assert.Equal("/site/inbox/thread/1", links.Thread(http, 1));
        Assert.Equal("/site/inbox/thread/9007199254740993", links.Thread(http, 9_007_199_254_740_993));
        Assert.Equal("/site/inbox/thread/2?before=abc", links.Thread(http, 2, before: "abc"));

        // The same request re-executed on a page under the other prefix (an error page, say).
        http.SetEndpoint(app.Endpoints().First(e => e.RoutePattern.RawText == "/messages/"));
        Assert.Equal("/site/messages/thread/3", links.Thread(http, 3));
    }

    [Fact]
    public async Task Links_KeptFromOneRequestToTheNext_FollowEachRequestsPathBaseAndIds()
    {
        await using var app = MessagingApp.Build();
        app.MapUserMessages("/messages");
        await app.StartAsync();
        var links = app.Services.GetRequiredService<UserMessagesLinks>();

        var first = RequestOn(app, "/messages/thread/{id}");
        first.Request.RouteValues["id"] = "5";
        Assert.Equal("/messages/thread/5/report/7", links.Report(first, 5, 7));
        Assert.Equal("/messages/thread/5/delete", links.Delete(first, 5));
        Assert.Equal("/messages/sent", links.Folder(first, MailboxFolder.Sent));

        var second = RequestOn(app, "/messages/thread/{id}");
        second.Request.PathBase = "/site";
        Assert.Equal("/site/messages/thread/6/report/8", links.Report(second, 6, 8));
        Assert.Equal("/site/messages/thread/6/delete", links.Delete(second, 6));
        Assert.Equal("/site/messages/sent", links.Folder(second, MailboxFolder.Sent));
        Assert.Equal("/messages/thread/9/report/10", links.Report(first, 9, 10));
    }

    private static HttpContext RequestOn(WebApplication app, string rawText)
    {
        var http = new DefaultHttpContext { RequestServices = app.Services };
        http.SetEndpoint(app.Endpoints().First(e => e.RoutePattern.RawText == rawText));
        return http;
    }
}
