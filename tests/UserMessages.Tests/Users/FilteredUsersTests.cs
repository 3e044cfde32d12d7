using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Users;

namespace UserMessages.Tests.Users;

/// <summary>
/// Issue 5: the names lookup is a statement the package writes itself, except when the host's users
/// are not a plain table: a query filter on them still applies to the names on the pages.
/// </summary>
public sealed class FilteredUsersTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        var collection = new ServiceCollection();
        collection.AddDbContext<FilteredUsersDbContext>(o => o.UseSqlite(connection));
        collection.AddLogging();
        collection.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<FilteredUsersDbContext>();
        collection.AddUserMessages().AddEntityFrameworkStores<FilteredUsersDbContext>();
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FilteredUsersDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task FindByIds_LeavesOutUsersTheHostsQueryFilterHides()
    {
        var alice = await CreateUserAsync("alice", lockedOut: false);
        var mallory = await CreateUserAsync("mallory", lockedOut: true);

        await using var scope = services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindByIdsAsync([alice, mallory], CancellationToken.None);

        Assert.Equal("alice", Assert.Single(found).Value.DisplayName);
    }

    private async Task<string> CreateUserAsync(string name, bool lockedOut)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilteredUsersDbContext>();
        var user = new IdentityUser(name) { NormalizedUserName = name.ToUpperInvariant(), LockoutEnd = lockedOut ? DateTimeOffset.UtcNow.AddDays(1) : null };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
