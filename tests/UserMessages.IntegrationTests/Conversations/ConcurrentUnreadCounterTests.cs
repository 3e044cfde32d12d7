using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Conversations;

/// <summary>
/// Issue 5: the unread badge is a counter written in the same transaction as each message. Many
/// people replying and reading at once (on PostgreSQL really at once) never leave it off by one.
/// </summary>
public sealed class ConcurrentUnreadCounterTests : IAsyncLifetime
{
    private readonly MessagesFactory app = new(configureServices: services =>
        services.Configure<UserMessagesOptions>(o => o.Limits.MessagesPerMinute = 1_000));

    [Fact]
    public async Task RepliesAndReadsAtOnce_LeaveEveryCounterEqualToTheUnreadThreads()
    {
        var people = new[]
        {
            await app.CreateUserAsync("ann@example.com"),
            await app.CreateUserAsync("ben@example.com"),
            await app.CreateUserAsync("cid@example.com"),
        };
        var browsers = new List<BrowserClient>();
        foreach (var person in people)
        {
            var browser = app.CreateBrowser(person);
            await browser.UseAntiforgeryAsync();
            browsers.Add(browser);
        }

        // A thread for each pair, and one for all three.
        var threads = new List<(long Id, int[] Members)>();
        foreach (var members in new[] { new[] { 0, 1 }, [0, 2], [1, 2], [0, 1, 2] })
        {
            var response = await browsers[members[0]].PostJsonAsync(ApiSteps.Threads, new
            {
                to = members.Skip(1).Select(m => people[m].UserName).ToArray(), subject = $"Thread {string.Join('-', members)}", content = "Start",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var created = await response.Content.ReadFromJsonAsync<Created>();
            threads.Add((created!.ThreadId, members));
        }

        // Sixteen requests in flight at a time: real overlap, within the test database's connection limit.
        using var inFlight = new SemaphoreSlim(16);
        async Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> request)
        {
            await inFlight.WaitAsync();
            try
            {
                return await request();
            }
            finally
            {
                inFlight.Release();
            }
        }

        var work = new List<Task<HttpResponseMessage>>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var (id, members) in threads)
            {
                foreach (var member in members)
                {
                    var browser = browsers[member];
                    var (thread, text, change) = (ApiSteps.Thread(id), $"Round {round} from {member}", round % 2 == 0 ? "read" : "unread");
                    work.Add(Send(() => browser.PostJsonAsync($"{thread}/messages", new { content = text })));
                    work.Add(Send(() => browser.PostAsync($"{thread}/{change}")));
                }
            }
        }

        var responses = await Task.WhenAll(work);

        foreach (var response in responses)
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            var rows = await app.WithDbAsync(db => db.ThreadParticipants.CountAsync(p => p.UserId == person.Id && p.State == ParticipantState.Active && p.IsUnread));
            Assert.Equal(rows, await browsers[i].ApiUnreadCountAsync());
        }

        foreach (var browser in browsers)
        {
            browser.Dispose();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private sealed record Created(long ThreadId);
}
