using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Users;

/// <summary>
/// Issue 5: the names lookup is a statement the package writes itself, except when the host's users
/// are not a plain table: a query filter on them still applies to the names on the pages.
/// </summary>
public sealed class FilteredUsersTests : IAsyncLifetime
{
    private TestHost<FilteredUsersDbContext> host = null!;

    public async Task InitializeAsync() => host = await new TestHostBuilder().AddIdentity<IdentityUser, string>().StartAsync<FilteredUsersDbContext>();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task FindByIds_LeavesOutUsersTheHostsQueryFilterHides()
    {
        var alice = await CreateUserAsync("alice", lockedOut: false);
        var mallory = await CreateUserAsync("mallory", lockedOut: true);

        await using var scope = host.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindByIdsAsync([alice, mallory], CancellationToken.None);

        Assert.Equal("alice", Assert.Single(found).Value.DisplayName);
    }

    private Task<string> CreateUserAsync(string name, bool lockedOut) => host.WithDbAsync(async db =>
    {
        var user = new IdentityUser(name) { NormalizedUserName = name.ToUpperInvariant(), LockoutEnd = lockedOut ? DateTimeOffset.UtcNow.AddDays(1) : null };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });
}
