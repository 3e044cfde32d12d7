using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UserMessages.Tests.Endpoints;

/// <summary>SPEC §1 and §4: app.MapUserMessages(prefix) adds the messaging pages under the prefix and nothing else.</summary>
public sealed class MapUserMessagesTests
{
    // 42 pages (10 of them reporting and moderation, 4 editing and deleting one's message, 1 an attachment's download, 2 muting),
    // 26 JSON API endpoints and the live-updates hub (2: the hub and its /negotiate).
    private const int MessagingEndpointCount = 70;

    [Fact]
    public async Task MapUserMessages_WithoutAddUserMessages_ThrowsSayingToCallIt()
    {
        await using var app = MessagingApp.Build(addUserMessages: false);

        var error = Assert.Throws<InvalidOperationException>(() => app.MapUserMessages("/messages"));

        Assert.Contains("AddUserMessages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapUserMessages_WithoutAddEntityFrameworkStores_ThrowsSayingToChainIt()
    {
        await using var app = MessagingApp.Build(addStores: false);

        var error = Assert.Throws<InvalidOperationException>(() => app.MapUserMessages("/messages"));

        Assert.Contains("AddEntityFrameworkStores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapUserMessages_TwiceWithTheSamePrefix_Throws()
    {
        await using var app = MessagingApp.Build();
        app.MapUserMessages("/messages");

        var error = Assert.Throws<InvalidOperationException>(() => app.MapUserMessages("/messages"));

        Assert.Contains("/messages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapUserMessages_AddsOnlyEndpointsUnderThePrefix_AndLeavesTheHostsEndpointsAsTheyWere()
    {
        await using var app = MessagingApp.Build();
        app.MapGet("/", () => "home").WithName("Home");
        app.MapGet("/about", () => "about");
        app.MapPost("/contact", () => Results.Ok());
        var before = app.Endpoints().Select(Describe).ToList();

        app.MapUserMessages("/messages");

        var after = app.Endpoints();
        var added = after.Where(e => !before.Contains(Describe(e))).ToList();
        Assert.Equal(before, after.Select(Describe).Where(before.Contains));
        Assert.Equal(before.Count + MessagingEndpointCount, after.Count);
        Assert.Equal(MessagingEndpointCount, added.Count);
        Assert.All(added, e => Assert.StartsWith("/messages", e.RoutePattern.RawText, StringComparison.Ordinal));
        Assert.All(after.Where(e => !added.Contains(e)), e => Assert.Empty(e.Metadata.GetOrderedMetadata<IAuthorizeData>()));
    }

    [Theory]
    [InlineData(false, true, 44)]
    [InlineData(true, false, 68)]
    [InlineData(false, false, 42)]
    public async Task MapUserMessages_WithoutTheApiOrTheHub_MapsThePagesAndOnlyWhatIsLeftOn(bool api, bool liveUpdates, int endpoints)
    {
        await using var app = MessagingApp.Build();

        app.MapUserMessages("/messages", o =>
        {
            o.MapApi = api;
            o.MapLiveUpdates = liveUpdates;
        });

        var patterns = app.Endpoints().Select(e => e.RoutePattern.RawText!).ToList();
        Assert.Equal(endpoints, patterns.Count);
        Assert.Contains("/messages/", patterns);
        Assert.Contains("/messages/thread/{id}", patterns);
        Assert.Equal(api, patterns.Any(p => p.StartsWith("/messages/api/", StringComparison.Ordinal)));
        Assert.Equal(liveUpdates, patterns.Any(p => p.StartsWith("/messages/hub", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MapUserMessages_RequiresASignedInUserOnEveryMessagingEndpoint()
    {
        await using var app = MessagingApp.Build();

        app.MapUserMessages("/messages");

        Assert.All(app.Endpoints(), e => Assert.NotEmpty(e.Metadata.GetOrderedMetadata<IAuthorizeData>()));
    }

    [Fact]
    public async Task RequireAuthorizationOnTheResult_AppliesThePolicyToEveryMessagingEndpoint()
    {
        await using var app = MessagingApp.Build();
        app.MapGet("/", () => "home");

        app.MapUserMessages("/messages").RequireAuthorization(MessagingApp.MembersPolicy);

        var endpoints = app.Endpoints();
        var messaging = endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/messages", StringComparison.Ordinal)).ToList();
        Assert.Equal(MessagingEndpointCount, messaging.Count);
        Assert.All(messaging, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == MessagingApp.MembersPolicy));
        Assert.Empty(endpoints.Single(e => e.RoutePattern.RawText == "/").Metadata.GetOrderedMetadata<IAuthorizeData>());
    }

    [Fact]
    public async Task TwoPrefixesInOneApp_EachGetEveryPage_WithUniqueEndpointNames()
    {
        await using var app = MessagingApp.Build();

        app.MapUserMessages("/messages");
        app.MapUserMessages("/inbox");

        var endpoints = app.Endpoints();
        Assert.Equal(MessagingEndpointCount, endpoints.Count(e => e.RoutePattern.RawText!.StartsWith("/messages", StringComparison.Ordinal)));
        Assert.Equal(MessagingEndpointCount, endpoints.Count(e => e.RoutePattern.RawText!.StartsWith("/inbox", StringComparison.Ordinal)));
        var names = endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(
            endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/messages", StringComparison.Ordinal)).Select(e => e.RoutePattern.RawText!["/messages".Length..]).Order(),
            endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/inbox", StringComparison.Ordinal)).Select(e => e.RoutePattern.RawText!["/inbox".Length..]).Order());
    }

    [Fact]
    public async Task MapUserMessages_MapsEveryPageOfTheSpec()
    {
        await using var app = MessagingApp.Build();

        app.MapUserMessages("/messages");

        // The pages; the JSON API (/messages/api) and the live-update hub (/messages/hub) have their own tests.
        var routes = app.Endpoints()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/messages/api/", StringComparison.Ordinal)
                && !e.RoutePattern.RawText.StartsWith("/messages/hub", StringComparison.Ordinal))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)} {e.RoutePattern.RawText}")
            .Order()
            .ToList();
        Assert.Equal(
            new[]
            {
                "GET /messages/", "GET /messages/sent", "GET /messages/trash", "GET /messages/create", "GET /messages/create/{userId}",
                "POST /messages/create", "GET /messages/thread/{id}", "POST /messages/thread/{id}",
                "POST /messages/thread/{id}/delete", "POST /messages/thread/{id}/restore",
                "GET /messages/archive", "GET /messages/search", "POST /messages/bulk",
                "POST /messages/thread/{id}/archive", "POST /messages/thread/{id}/unread", "POST /messages/thread/{id}/leave",
                "GET /messages/requests", "POST /messages/thread/{id}/answer",
                "POST /messages/thread/{id}/participants", "GET /messages/blocked", "POST /messages/blocked",
                "POST /messages/blocked/remove", "GET /messages/settings", "POST /messages/settings", "GET /messages/recipients",
                "GET /messages/thread/{id}/report/{messageId}", "POST /messages/thread/{id}/report/{messageId}",
                "GET /messages/moderation", "GET /messages/moderation/reports/{id}", "POST /messages/moderation/reports/{id}",
                "GET /messages/moderation/suspensions", "POST /messages/moderation/suspensions/lift", "GET /messages/moderation/log",
                "GET /messages/moderation/held", "POST /messages/moderation/held/{id}",
                "GET /messages/thread/{id}/messages/{messageId}/edit", "POST /messages/thread/{id}/messages/{messageId}/edit",
                "POST /messages/thread/{id}/messages/{messageId}/delete", "GET /messages/thread/{id}/messages/{messageId}/versions",
                "GET /messages/attachments/{id}", "POST /messages/thread/{id}/mute", "POST /messages/thread/{id}/unmute",
            }.Order(),
            routes);
    }

    private static string Describe(RouteEndpoint endpoint)
        => $"{endpoint.RoutePattern.RawText} | {endpoint.DisplayName} | {endpoint.Metadata.Count}";
}
