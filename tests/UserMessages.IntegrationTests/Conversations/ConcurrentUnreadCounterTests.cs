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

        var work = new List<Task<HttpResponseMessage>>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var (id, members) in threads)
            {
                foreach (var member in members)
                {
                    work.Add(browsers[member].PostJsonAsync($"{ApiSteps.Thread(id)}/messages", new { content = $"Round {round} from {member}" }));
                    work.Add(browsers[member].PostAsync($"{ApiSteps.Thread(id)}/{(round % 2 == 0 ? "read" : "unread")}"));
                }
            }
        }

        var responses = await Task.WhenAll(work);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage!.RequestUri}: {(int)r.StatusCode}"));
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
