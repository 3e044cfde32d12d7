using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Keys;

/// <summary>The Identity user directory also works with a user store that cannot be queried with LINQ.</summary>
public sealed class NonQueryableUserStoreTests : IAsyncLifetime
{
    private TestHost<GuidDbContext> host = null!;

    public async Task InitializeAsync()
        => host = await new TestHostBuilder()
            .AddIdentity<GuidUser, Guid>()
            .ConfigureServices(services =>
            {
                services.RemoveAll<IUserStore<GuidUser>>();
                services.AddScoped<IUserStore<GuidUser>>(sp => new NonQueryableUserStore(
                    new UserStore<GuidUser, IdentityRole<Guid>, GuidDbContext, Guid>(sp.GetRequiredService<GuidDbContext>())));
            })
            .StartAsync<GuidDbContext>();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task FindByNames_FindsUsersByUserNameAndByEmail()
    {
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        var found = await WithDirectoryAsync(d => d.FindByNamesAsync(["alice", "bob@example.com", "nobody"], CancellationToken.None));

        Assert.Equal(alice, found["alice"].Id);
        Assert.Equal(bob, found["bob@example.com"].Id);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public async Task FindByIds_WithAMalformedIdAmongValidOnes_FindsTheValidOnes_WithoutThrowing()
    {
        var alice = await host.CreateUserAsync("alice");

        var found = await WithDirectoryAsync(d => d.FindByIdsAsync(["not-a-guid", alice], CancellationToken.None));

        Assert.Equal("alice", Assert.Single(found).Value.DisplayName);
    }

    private Task<T> WithDirectoryAsync<T>(Func<IUserDirectory, Task<T>> work) => host.InScopeAsync(services =>
    {
        Assert.False(services.GetRequiredService<UserManager<GuidUser>>().SupportsQueryableUsers);
        return work(services.GetRequiredService<IUserDirectory>());
    });
}
