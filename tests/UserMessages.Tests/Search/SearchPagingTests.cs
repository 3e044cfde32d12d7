using Microsoft.Extensions.DependencyInjection;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Search;

/// <summary>Issue 3 §3: search results are keyset-paged and cost the same statements however big the mailbox.</summary>
public sealed class SearchPagingTests
{
    [Fact]
    public async Task SearchPages_OlderThenNewer_HaveNoDuplicateAndNoGap_EvenWithThreadsOfTheSameInstant()
    {
        await using var host = await MessagingHost.StartAsync(o => o.PageSize = 3);
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var matching = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            matching.Add((await host.SendAsync(alice, [bob], $"Match {i}", "needle")).ThreadId);
            await host.SendAsync(alice, [bob], $"Other {i}", "hay");

            // Pairs of matching threads share one instant, so the order must break ties by id.
            if (i % 2 == 1)
            {
                host.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        var pages = new List<SearchPage> { await host.SearchAsync(bob, "needle") };
        while (pages[^1].OlderCursor is { } older)
        {
            pages.Add(await host.SearchAsync(bob, "needle", new PageRequest(Before: older)));
        }

        var seen = pages.SelectMany(p => p.Threads.Select(t => t.ThreadId)).ToList();
        Assert.Equal(Enumerable.Reverse(matching), seen);
        Assert.All(pages, p => Assert.InRange(p.Threads.Count, 1, 3));
        Assert.Null(pages[0].NewerCursor);

        var back = new List<long>();
        var newer = pages[^1].NewerCursor;
        while (newer is not null)
        {
            var page = await host.SearchAsync(bob, "needle", new PageRequest(After: newer));
            back.InsertRange(0, page.Threads.Select(t => t.ThreadId));
            newer = page.NewerCursor;
        }

        Assert.Equal(seen.Take(seen.Count - pages[^1].Threads.Count), back);
    }

    [Fact]
    public async Task Search_CostsTheSameStatementsWith5And200Threads()
    {
        var few = await CountSearchStatementsAsync(threads: 5);
        var many = await CountSearchStatementsAsync(threads: 200);

        Assert.Equal(few, many);
        Assert.InRange(many, 1, 2);
    }

    private static async Task<int> CountSearchStatementsAsync(int threads)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SeedThreadsAsync(alice, bob, threads);

        await using var scope = host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        host.Statements.Reset();
        var result = await service.SearchAsync(bob, "seeded message", PageRequest.Newest);
        var statements = host.Statements.Count;

        Assert.True(result.Succeeded);
        Assert.Equal(Math.Min(threads, 25), result.Value!.Threads.Count);
        return statements;
    }
}
