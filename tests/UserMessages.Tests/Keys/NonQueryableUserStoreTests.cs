using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.Users;

namespace UserMessages.Tests.Keys;

/// <summary>The Identity user directory also works with a user store that cannot be queried with LINQ.</summary>
public sealed class NonQueryableUserStoreTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        var collection = new ServiceCollection();
        collection.AddDbContext<GuidDbContext>(o => o.UseSqlite(connection));
        collection.AddLogging();
        collection.AddIdentityCore<GuidUser>().AddEntityFrameworkStores<GuidDbContext>();
        collection.RemoveAll<IUserStore<GuidUser>>();
        collection.AddScoped<IUserStore<GuidUser>>(sp => new NonQueryableUserStore(
            new UserStore<GuidUser, IdentityRole<Guid>, GuidDbContext, Guid>(sp.GetRequiredService<GuidDbContext>())));
        collection.AddUserMessages().AddEntityFrameworkStores<GuidDbContext>();
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GuidDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task FindByNames_FindsUsersByUserNameAndByEmail()
    {
        var alice = await CreateUserAsync("alice");
        var bob = await CreateUserAsync("bob");

        var found = await WithDirectoryAsync(d => d.FindByNamesAsync(["alice", "bob@example.com", "nobody"], CancellationToken.None));

        Assert.Equal(alice, found["alice"].Id);
        Assert.Equal(bob, found["bob@example.com"].Id);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public async Task FindByIds_WithAMalformedIdAmongValidOnes_FindsTheValidOnes_WithoutThrowing()
    {
        var alice = await CreateUserAsync("alice");

        var found = await WithDirectoryAsync(d => d.FindByIdsAsync(["not-a-guid", alice], CancellationToken.None));

        Assert.Equal("alice", Assert.Single(found).Value.DisplayName);
    }

    private async Task<T> WithDirectoryAsync<T>(Func<IUserDirectory, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        Assert.False(scope.ServiceProvider.GetRequiredService<UserManager<GuidUser>>().SupportsQueryableUsers);
        return await work(scope.ServiceProvider.GetRequiredService<IUserDirectory>());
    }

    private async Task<string> CreateUserAsync(string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GuidUser>>();
        var user = new GuidUser { UserName = userName, Email = userName + "@example.com" };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        return await users.GetUserIdAsync(user);
    }
}
