using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>Issue 18 §4: 48 replies at once in one thread, on the provider of this run (SQLite, or PostgreSQL where they really overlap).</summary>
public sealed class ConcurrentOrderTests : IAsyncLifetime
{
    private readonly MessagesFactory app = new(configureServices: services =>
        services.Configure<UserMessagesOptions>(o => o.Limits.MessagesPerMinute = 1_000));

    [Fact]
    public async Task ManyRepliesAtOnce_AreShownInTheOrderStored_AReaderPagingForwardMissesNone_AndReadStateFollowsTheLastMessage()
    {
        var names = new[] { "ann@example.com", "ben@example.com", "cid@example.com", "dee@example.com" };
        var people = new List<(BrowserClient Browser, TestUser User)>();
        foreach (var name in names)
        {
            var user = await app.CreateUserAsync(name);
            var browser = app.CreateBrowser(user);
            await browser.UseAntiforgeryAsync();
            people.Add((browser, user));
        }

        var started = await people[0].Browser.PostJsonAsync(ApiSteps.Threads, new { to = names[1..], subject = "Busy", content = "Everyone at once?" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var threadId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("threadId").GetInt64();
        using var reader = app.CreateBrowser(people[1].User);

        await MessageOrderCheck.RunAsync(app, threadId, people.Select(p => (p.Browser.Http, p.User.Id)).ToList(), (reader.Http, people[1].User.Id), repliesEach: 12);

        foreach (var (browser, _) in people)
        {
            browser.Dispose();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();
}
