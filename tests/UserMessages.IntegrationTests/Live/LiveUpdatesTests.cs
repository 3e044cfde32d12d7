using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Live;

/// <summary>
/// Issue 4, item 2: a message committed through the pages reaches every participant's open pages
/// over the SignalR hub mounted at <c>{prefix}/hub</c>, and only theirs.
/// </summary>
public sealed class LiveUpdatesTests : MessagingTest, IClassFixture<SharedApp>
{
    public LiveUpdatesTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task NewThread_ReachesTheRecipient_WithTheMessageAndTheirUnreadCount()
    {
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);

        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?\nBring <b>bread</b>.");

        var message = await bob.NextMessageAsync();
        Assert.Equal(threadId, message.ThreadId);
        Assert.Equal("Picnic", message.Subject);
        Assert.Equal("Saturday?\nBring <b>bread</b>.", message.Content);
        Assert.Equal(Alice.Id, message.SenderId);
        Assert.False(string.IsNullOrEmpty(message.SenderName));
        Assert.False(message.IsReply);
        Assert.True(message.MessageId > 0);
        Assert.Equal(1, await bob.NextUnreadCountAsync());

        // The id is the one the thread page renders.
        var page = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.NotNull(page.Find($"#message-{message.MessageId}"));
    }

    [Fact]
    public async Task NewThread_ReachesTheSender_WithoutAnUnreadCount()
    {
        await using var alice = await LiveConnection.ConnectAsync(App, Alice.User);
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);

        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?");

        var message = await alice.NextMessageAsync();
        Assert.Equal(threadId, message.ThreadId);
        Assert.Equal("Saturday?", message.Content);

        // The unread counts go out after the messages; once bob has his, alice would have had hers.
        Assert.Equal(1, await bob.NextUnreadCountAsync());
        Assert.False(alice.HasPendingUnreadCount);
    }

    [Fact]
    public async Task Reply_ReachesEveryParticipant_AsAReply()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?");
        await using var alice = await LiveConnection.ConnectAsync(App, Alice.User);
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);

        await Bob.ReplyAsync(threadId, "I'll bring cheese.");

        foreach (var live in new[] { alice, bob })
        {
            var message = await live.NextMessageAsync();
            Assert.Equal(threadId, message.ThreadId);
            Assert.Equal("I'll bring cheese.", message.Content);
            Assert.Equal(Bob.Id, message.SenderId);
            Assert.True(message.IsReply);
        }

        // Alice is the recipient of the reply: her thread is unread again.
        Assert.Equal(1, await alice.NextUnreadCountAsync());
    }

    [Fact]
    public async Task Message_DoesNotReachSomeoneOutsideTheThread()
    {
        await using var bob = await LiveConnection.ConnectAsync(App, Bob.User);
        await using var carol = await LiveConnection.ConnectAsync(App, Carol.User);

        var picnic = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Only for bob");
        Assert.Equal(picnic, (await bob.NextMessageAsync()).ThreadId);

        // Events to one connection arrive in order: carol's first event is the one meant for her.
        var forCarol = await Alice.StartThreadAsync(Carol.UserName, "Book club", "For carol");
        var first = await carol.NextMessageAsync();
        Assert.Equal(forCarol, first.ThreadId);
        Assert.Equal("For carol", first.Content);
        Assert.Equal(1, await carol.NextUnreadCountAsync());
        Assert.False(carol.HasPendingMessage);
    }

    [Fact]
    public async Task AnonymousConnection_IsRefused()
    {
        await using var anonymous = LiveConnection.Build(App, user: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());

        // The negotiate request is not a page: the cookie scheme answers 401 rather than a redirect to the login page.
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, anonymous.State);
    }

    [Theory]
    [InlineData(Paths.Inbox)]
    [InlineData(Paths.Sent)]
    [InlineData(Paths.Create)]
    public async Task Pages_NameTheHub_AndLoadTheSignalRClientFromThePackage(string path)
    {
        var page = await Alice.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/messages/hub", page.Single("script[data-um-hub]").GetAttribute("data-um-hub"));
        var scripts = page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        // Fingerprinted (signalr.min.abc123.js) when the host maps static assets, as the sample does.
        var client = scripts.FindIndex(s => Regex.IsMatch(s, @"^/_content/UserMessages/lib/signalr/signalr\.min(\.[a-z0-9]+)?\.js$"));
        var own = scripts.FindIndex(s => Regex.IsMatch(s, @"^/_content/UserMessages/usermessages(\.[a-z0-9]+)?\.js$"));
        Assert.InRange(client, 0, own - 1);
        Assert.All(page.Document.QuerySelectorAll("script[src*='signalr']"), s => Assert.True(s.HasAttribute("defer")));
    }

    [Fact]
    public async Task ThreadPage_NamesTheHub()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Picnic", "Saturday?");

        var page = await Bob.GetPageAsync(Paths.Thread(threadId));

        Assert.Equal("/messages/hub", page.Single("script[data-um-hub]").GetAttribute("data-um-hub"));
        Assert.Equal(threadId.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Single("#user-messages").GetAttribute("data-um-thread-id"));
    }

    [Fact]
    public async Task SignalRClient_IsServedFromThePackage()
    {
        var response = await Alice.Http.GetAsync("/_content/UserMessages/lib/signalr/signalr.min.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("signalR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
