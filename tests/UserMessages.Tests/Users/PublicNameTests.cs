using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Storage;
using UserMessages.Tests.Infrastructure;
using UserMessages.Users;

namespace UserMessages.Tests.Users;

/// <summary>
/// Issue 18 §2: people are shown and found by a public name (a claim or a column the host names), never by an
/// e-mail address; an address finds someone only when typed in full.
/// </summary>
public sealed class PublicNameTests
{
    private const string NameClaim = "display_name";

    [Theory]
    [InlineData("claim")]
    [InlineData("column")]
    public async Task ThePublicName_IsWhatThePeopleAreShownAs_AndFoundBy(string source)
    {
        await using var site = await Site.StartAsync(source);
        var alice = await site.CreateAsync("alice@example.com", "Alice Archer");
        var bob = await site.CreateAsync("bob@example.com", "Robert Baker");

        var named = await site.DirectoryAsync(d => d.FindByIdsAsync([alice, bob], CancellationToken.None));
        Assert.Equal("Alice Archer", named[alice].DisplayName);
        Assert.Equal("Robert Baker", named[bob].DisplayName);

        Assert.Equal([bob], await site.SuggestAsync("rob", alice));
        Assert.Equal([bob], await site.SuggestAsync("ROBERT B", alice));
        Assert.Empty(await site.SuggestAsync("bob", alice));
        Assert.Empty(await site.SuggestAsync("baker", alice));
    }

    [Theory]
    [InlineData("claim")]
    [InlineData("column")]
    [InlineData("none")]
    public async Task AnAddress_FindsSomeone_OnlyWhenTypedInFull(string source)
    {
        await using var site = await Site.StartAsync(source);
        var alice = await site.CreateAsync("alice@example.com", "Alice Archer");
        var bob = await site.CreateAsync("bob@example.com", "Robert Baker");
        for (var i = 0; i < 10; i++)
        {
            await site.CreateAsync($"person{i}@example.com", $"Person {i}");
        }

        Assert.Empty(await site.SuggestAsync("@e", alice));
        Assert.Empty(await site.SuggestAsync("@example.com", alice));
        Assert.Empty(await site.SuggestAsync("bob@exa", alice));
        Assert.Equal([bob], await site.SuggestAsync("bob@example.com", alice));
        Assert.Equal([bob], await site.SuggestAsync("BOB@EXAMPLE.COM", alice));
    }

    [Fact]
    public async Task WithoutAPublicName_AnEmailUserIsShownAndFoundByThePartBeforeTheAt()
    {
        await using var site = await Site.StartAsync("none");
        var alice = await site.CreateAsync("alice@example.com", null);
        var bob = await site.CreateAsync("bob.baker@example.com", null);

        var named = await site.DirectoryAsync(d => d.FindByIdsAsync([bob], CancellationToken.None));
        Assert.Equal("bob.baker", named[bob].DisplayName);
        Assert.Equal([bob], await site.SuggestAsync("bob.b", alice));
    }

    [Fact]
    public async Task SomeoneWithoutTheClaim_IsShownAndFoundByTheirUserName_AsBefore()
    {
        await using var site = await Site.StartAsync("claim");
        var alice = await site.CreateAsync("alice@example.com", "Alice Archer");
        var carol = await site.CreateAsync("carol@example.com", null);

        var named = await site.DirectoryAsync(d => d.FindByIdsAsync([carol], CancellationToken.None));
        Assert.Equal("carol", named[carol].DisplayName);
        Assert.Equal([carol], await site.SuggestAsync("car", alice));
    }

    /// <summary>A site whose users have a <c>FullName</c> column and may have a public-name claim; the directory reads one of them, or neither.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private readonly TestHost<NamedDbContext> host;

        private Site(TestHost<NamedDbContext> host) => this.host = host;

        public static async Task<Site> StartAsync(string source)
        {
            var builder = new TestHostBuilder().AddIdentity<NamedUser, string>();
            if (source == "claim")
            {
                builder.ConfigureMessaging(messaging => messaging.AddIdentityUserDirectory<NamedUser>(o => o.DisplayNameClaimType = NameClaim));
            }
            else if (source == "column")
            {
                builder.ConfigureMessaging(messaging => messaging.AddIdentityUserDirectory<NamedUser>(o => o.DisplayName = u => u.FullName));
            }

            return new Site(await builder.StartAsync<NamedDbContext>());
        }

        public async Task<string> CreateAsync(string email, string? name)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NamedUser>>();
            var user = new NamedUser { UserName = email, Email = email, FullName = name };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            if (name is not null)
            {
                Assert.True((await users.AddClaimAsync(user, new Claim(NameClaim, name))).Succeeded);
            }

            return user.Id;
        }

        public Task<T> DirectoryAsync<T>(Func<IUserDirectory, Task<T>> work)
            => host.InScopeAsync(services => work(services.GetRequiredService<IUserDirectory>()));

        public async Task<List<string>> SuggestAsync(string typed, string caller)
            => (await DirectoryAsync(d => d.SuggestAsync(typed, [caller], 10, CancellationToken.None))).Select(u => u.Id).ToList();

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }

    public sealed class NamedUser : IdentityUser
    {
        public string? FullName { get; set; }
    }

    public sealed class NamedDbContext(DbContextOptions<NamedDbContext> options) : UserMessagesIdentityDbContext<NamedUser>(options);
}
