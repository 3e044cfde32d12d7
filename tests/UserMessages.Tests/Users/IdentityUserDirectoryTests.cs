using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Users;

/// <summary>SPEC §5: the default user directory reads ASP.NET Core Identity.</summary>
public sealed class IdentityUserDirectoryTests
{
    [Fact]
    public async Task FindByNames_FindsUsersByUserNameOrEmail_IgnoringCase_KeyedByTheNameAsTyped()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob", "bob.builder@example.com");

        var found = await WithDirectoryAsync(host, d => d.FindByNamesAsync(["ALICE", "Bob.Builder@Example.com", "ghost"], CancellationToken.None));

        Assert.Equal(2, found.Count);
        Assert.Equal(alice, found["ALICE"].Id);
        Assert.Equal(bob, found["Bob.Builder@Example.com"].Id);
        Assert.Equal("bob", found["Bob.Builder@Example.com"].DisplayName);
    }

    [Fact]
    public async Task FindByNames_AnEmailSharedByTwoAccounts_FindsNobody()
    {
        await using var host = await MessagingHost.StartAsync();
        await host.CreateUserAsync("twin1", "twins@example.com");
        await host.CreateUserAsync("twin2", "twins@example.com");

        var found = await WithDirectoryAsync(host, d => d.FindByNamesAsync(["twins@example.com"], CancellationToken.None));

        Assert.Empty(found);
    }

    [Fact]
    public async Task FindByIds_ReturnsUserNames_AndLeavesOutUnknownIds()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");

        var found = await WithDirectoryAsync(host, d => d.FindByIdsAsync([alice, "unknown-id"], CancellationToken.None));

        var user = Assert.Single(found).Value;
        Assert.Equal(new MessagingUser(alice, "alice", "alice"), user);
    }

    [Fact]
    public async Task FindByIds_IsOneStatement_ForManyUsers()
    {
        await using var host = await MessagingHost.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await host.CreateUserAsync($"user{i}"));
        }

        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        host.Statements.Reset();
        var found = await directory.FindByIdsAsync(ids, CancellationToken.None);

        Assert.Equal(30, found.Count);
        Assert.Equal(1, host.Statements.Count);
    }

    [Fact]
    public async Task GetUserId_ReadsTheSignedInUsersId()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(users.Options.ClaimsIdentity.UserIdClaimType, alice)], "Test"));

        var id = scope.ServiceProvider.GetRequiredService<IUserDirectory>().GetUserId(principal);

        Assert.Equal(alice, id);
    }

    [Fact]
    public async Task AHostsUserManagerSubclass_IsAsked_ForUsersAndTheSignedInUsersId()
    {
        await using var host = await MessagingHost.StartAsync(configureServices: services => services.AddScoped<UserManager<IdentityUser>, HidingUserManager>());
        var alice = await host.CreateUserAsync("alice");
        var hidden = await host.CreateUserAsync(HidingUserManager.HiddenName);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(HidingUserManager.IdClaim, alice)], "Test"));

        var found = await WithDirectoryAsync(host, d => d.FindByIdsAsync([alice, hidden], CancellationToken.None));
        var id = await WithDirectoryAsync(host, d => Task.FromResult(d.GetUserId(principal)));

        Assert.Equal([alice], found.Keys);
        Assert.Equal(alice, id);
    }

    private static async Task<T> WithDirectoryAsync<T>(MessagingHost host, Func<IUserDirectory, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IUserDirectory>());
    }

    /// <summary>A host's manager that hides one account from its users and reads the user id from a claim of its own.</summary>
    private sealed class HidingUserManager(
        IUserStore<IdentityUser> store,
        Microsoft.Extensions.Options.IOptions<IdentityOptions> options,
        IPasswordHasher<IdentityUser> hasher,
        IEnumerable<IUserValidator<IdentityUser>> userValidators,
        IEnumerable<IPasswordValidator<IdentityUser>> passwordValidators,
        ILookupNormalizer normalizer,
        IdentityErrorDescriber errors,
        IServiceProvider services,
        Microsoft.Extensions.Logging.ILogger<UserManager<IdentityUser>> logger)
        : UserManager<IdentityUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
    {
        public const string HiddenName = "hidden";
        public const string IdClaim = "host-user-id";

        public override IQueryable<IdentityUser> Users => base.Users.Where(u => u.UserName != HiddenName);

        public override string? GetUserId(ClaimsPrincipal principal) => principal.FindFirstValue(IdClaim);
    }
}
