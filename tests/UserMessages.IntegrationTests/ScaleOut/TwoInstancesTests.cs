using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Services;

namespace UserMessages.IntegrationTests.ScaleOut;

/// <summary>
/// Issue 4 §4: two instances of the sample, two real Kestrel servers on loopback, one PostgreSQL
/// database and one Redis backplane, as a site that outgrew one server runs.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string keys = Path.Combine(Path.GetTempPath(), "usermessages-keys-" + Guid.NewGuid().ToString("N"));
    private TestDatabase? database;
    private MessagesFactory? a;
    private MessagesFactory? b;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (a is not null)
        {
            await a.DisposeAsync();
        }

        if (b is not null)
        {
            await b.DisposeAsync();
        }

        database?.Dispose();
        if (Directory.Exists(keys))
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    [SkippableFact]
    public async Task MessagePostedOnInstanceA_ReachesAClientConnectedToInstanceB_AndBsInbox()
    {
        var (alice, bob) = await StartTwoInstancesAsync();
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var live = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress(b!), "messages/hub"), o => o.Headers[TestAuthenticationHandler.UserHeader] = bob.Id)
            .Build();
        live.On<JsonElement>("messageSent", m => received.TrySetResult(m));
        await live.StartAsync().WaitAsync(Patience);

        using var aliceOnA = a!.CreateBrowser(alice);
        var compose = await aliceOnA.GetPageAsync("/messages/create");
        var sent = await aliceOnA.SubmitFormAsync(compose, "#um-compose-form", new Dictionary<string, string>
        {
            ["To"] = bob.UserName,
            ["Subject"] = "Across instances",
            ["Content"] = "Hello from instance A",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var message = await received.Task.WaitAsync(Patience);
        Assert.Equal("Hello from instance A", message.GetProperty("content").GetString());
        Assert.Equal("Across instances", message.GetProperty("subject").GetString());

        using var bobOnB = b!.CreateBrowser(bob);
        var inbox = await bobOnB.GetPageAsync("/messages");
        var row = Assert.Single(inbox.Document.QuerySelectorAll("#um-thread-list [data-um-thread-id]"));
        Assert.Contains("Across instances", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", row.GetAttribute("data-um-unread"));
    }

    [SkippableFact]
    public async Task TypingAndSeenOnInstanceA_ReachAClientConnectedToInstanceB()
    {
        var (alice, bob) = await StartTwoInstancesAsync();
        using var aliceOnA = a!.CreateBrowser(alice);
        var compose = await aliceOnA.GetPageAsync("/messages/create");
        var sent = await aliceOnA.SubmitFormAsync(compose, "#um-compose-form", new Dictionary<string, string>
        {
            ["To"] = bob.UserName,
            ["Subject"] = "Typing across instances",
            ["Content"] = "Are you there?",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var threadId = long.Parse(sent.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // Alice listens on instance B; Bob, on instance A, types and then sees the thread.
        var typing = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var aliceLive = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress(b!), "messages/hub"), o => o.Headers[TestAuthenticationHandler.UserHeader] = alice.Id)
            .Build();
        aliceLive.On<JsonElement>("typing", t => typing.TrySetResult(t));
        aliceLive.On<JsonElement>("seen", t => seen.TrySetResult(t));
        await aliceLive.StartAsync().WaitAsync(Patience);
        await using var bobLive = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress(a!), "messages/hub"), o => o.Headers[TestAuthenticationHandler.UserHeader] = bob.Id)
            .Build();
        await bobLive.StartAsync().WaitAsync(Patience);

        await bobLive.InvokeAsync("Typing", threadId).WaitAsync(Patience);
        var typed = await typing.Task.WaitAsync(Patience);
        Assert.Equal(threadId, typed.GetProperty("threadId").GetInt64());
        Assert.Equal(bob.Id, typed.GetProperty("userId").GetString());

        await bobLive.InvokeAsync("Seen", threadId).WaitAsync(Patience);
        var saw = await seen.Task.WaitAsync(Patience);
        Assert.Equal(threadId, saw.GetProperty("threadId").GetInt64());
        Assert.Equal(bob.Id, saw.GetProperty("userId").GetString());
    }

    [SkippableFact]
    public async Task ConcurrentRepliesThroughBothInstances_LoseNothing()
    {
        var (alice, bob) = await StartTwoInstancesAsync();
        long threadId;
        await using (var scope = a!.Services.CreateAsyncScope())
        {
            var started = await scope.ServiceProvider.GetRequiredService<IUserMessagesService>()
                .StartThreadAsync(new NewThreadRequest(alice.Id, [bob.Id], "Busy thread", "Let us all talk at once."));
            threadId = started.Value!.ThreadId;
        }

        using var aliceOnA = a.CreateBrowser(alice);
        using var bobOnB = b!.CreateBrowser(bob);
        var aliceToken = await AntiforgeryTokenAsync(aliceOnA.Http);
        var bobToken = await AntiforgeryTokenAsync(bobOnB.Http);
        const int RepliesEach = 15;
        var replies = Enumerable.Range(1, RepliesEach)
            .SelectMany(i => new[]
            {
                ReplyAsync(aliceOnA.Http, aliceToken, threadId, $"alice {i}"),
                ReplyAsync(bobOnB.Http, bobToken, threadId, $"bob {i}"),
            })
            .ToList();
        var statuses = await Task.WhenAll(replies);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        var (contents, latestId, latestIds) = await a.WithDbAsync(async db => (
            await db.Messages.Where(m => m.ThreadId == threadId).Select(m => m.Content).ToListAsync(),
            await db.MessageThreads.Where(t => t.Id == threadId).Select(t => t.LatestMessageId).SingleAsync(),
            await db.Messages.Where(m => m.ThreadId == threadId).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Select(m => m.Id).FirstAsync()));
        Assert.Equal(1 + (2 * RepliesEach), contents.Count);
        Assert.All(Enumerable.Range(1, RepliesEach), i =>
        {
            Assert.Contains($"alice {i}", contents);
            Assert.Contains($"bob {i}", contents);
        });
        Assert.Equal(latestIds, latestId);
    }

    [SkippableFact]
    public async Task RepliesAtOnceThroughBothInstances_AreShownInTheOrderStored_AndAReaderPagingForwardMissesNone()
    {
        var (alice, bob) = await StartTwoInstancesAsync();
        var carol = await a!.CreateUserAsync("carol@example.com");
        b!.UserNames.Add(carol);
        using var aliceOnA = a.CreateBrowser(alice);
        using var bobOnB = b.CreateBrowser(bob);
        using var carolOnA = a.CreateBrowser(carol);
        using var carolOnB = b.CreateBrowser(carol);
        foreach (var browser in new[] { aliceOnA, bobOnB, carolOnA })
        {
            await Api.ApiSteps.UseAntiforgeryAsync(browser);
        }

        var started = await Api.ApiSteps.PostJsonAsync(aliceOnA, "/messages/api/threads", new { to = new[] { bob.UserName, carol.UserName }, subject = "Busy", content = "All at once?" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var threadId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("threadId").GetInt64();

        await Conversations.MessageOrderCheck.RunAsync(
            a, threadId, [(aliceOnA.Http, alice.Id), (bobOnB.Http, bob.Id), (carolOnA.Http, carol.Id)], (carolOnB.Http, carol.Id), repliesEach: 16);
    }

    private async Task<(TestUser Alice, TestUser Bob)> StartTwoInstancesAsync()
    {
        var (postgres, redis) = ScaleOutServers.Require();
        database = new TestDatabase(postgres);
        var settings = new Dictionary<string, string> { ["Messages:Redis"] = redis, ["Sample:DataProtectionKeys"] = keys };
        static void GenerousLimits(IServiceCollection services)
            => services.Configure<UserMessagesOptions>(o => o.Limits.MessagesPerMinute = 1_000);
        a = new MessagesFactory(configureServices: GenerousLimits, sharedDatabase: database, settings: settings);
        b = new MessagesFactory(configureServices: GenerousLimits, sharedDatabase: database, settings: settings);
        a.UseKestrel(0);
        b.UseKestrel(0);

        // A migrates the shared database first; then B starts on it.
        var alice = await a.CreateUserAsync("alice@example.com");
        var bob = await a.CreateUserAsync("bob@example.com");
        b.UserNames.Add(alice);
        b.UserNames.Add(bob);
        Assert.NotEqual(BaseAddress(a), BaseAddress(b));
        return (alice, bob);
    }

    private static Uri BaseAddress(MessagesFactory app)
        => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");

    private static async Task<string> AntiforgeryTokenAsync(HttpClient http)
        => (await http.GetFromJsonAsync<JsonElement>("/messages/api/antiforgery")).GetProperty("token").GetString()!;

    private static async Task<HttpStatusCode> ReplyAsync(HttpClient http, string token, long threadId, string content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/messages/api/threads/{threadId}/messages")
        {
            Content = JsonContent.Create(new { content }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
