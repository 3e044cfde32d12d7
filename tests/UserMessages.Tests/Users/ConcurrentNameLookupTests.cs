using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Users;

/// <summary>
/// Issue 5: the names lookup is one statement written once per model and shared by every request;
/// many requests at once, each on its own context and connection (a SQLite file), each get exactly
/// the names they asked for.
/// </summary>
public sealed class ConcurrentNameLookupTests : IAsyncLifetime
{
    private TestHost<TestDbContext> host = null!;

    public async Task InitializeAsync()
        => host = await new TestHostBuilder().UseSqliteFile().PoolContexts().AddIdentity<IdentityUser, string>().StartAsync<TestDbContext>();

    [Fact]
    public async Task ManyLookupsAtOnce_EachGetsTheNamesItAskedFor()
    {
        var users = new List<(string Id, string Name)>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            for (var i = 0; i < 40; i++)
            {
                var user = new IdentityUser($"user{i:D2}");
                Assert.True((await manager.CreateAsync(user)).Succeeded);
                users.Add((user.Id, user.UserName!));
            }
        }

        // Sixteen callers, each asking 50 times for its own slice of 20 users (as many pages at once do).
        var callers = Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
        {
            var wanted = Enumerable.Range(0, 20).Select(k => users[(caller + k) % users.Count]).ToList();
            var answers = new List<IReadOnlyDictionary<string, MessagingUser>>();
            for (var round = 0; round < 50; round++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
                answers.Add(await directory.FindByIdsAsync([.. wanted.Select(u => u.Id)], CancellationToken.None));
            }

            return (wanted, answers);
        }));

        foreach (var (wanted, answers) in await Task.WhenAll(callers))
        {
            Assert.All(answers, found => Assert.Equal(
                wanted.Select(u => $"{u.Id}={u.Name}").Order(StringComparer.Ordinal),
                found.Select(f => $"{f.Key}={f.Value.DisplayName}").Order(StringComparer.Ordinal)));
        }
    }

    public async Task DisposeAsync() => await host.DisposeAsync();
}
