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

    [Fact]
    public async Task WithoutANameCache_ARenamedPerson_ShowsTheirNewNameAtOnce()
    {
        await using var site = await Site.StartAsync("claim");
        var bob = await site.CreateAsync("bob@example.com", "Robert Baker");
        Assert.Equal("Robert Baker", await site.NameOfAsync(bob));

        await site.RenameAsync(bob, "Bob Baker");

        Assert.Equal("Bob Baker", await site.NameOfAsync(bob));
    }

    [Fact]
    public async Task WithANameCache_NamesAreReadOncePerDuration_AndARenameShowsWhenItEnds()
    {
        await using var site = await Site.StartAsync("claim", cacheNamesFor: TimeSpan.FromMinutes(1));
        var alice = await site.CreateAsync("alice@example.com", "Alice Archer");
        var bob = await site.CreateAsync("bob@example.com", "Robert Baker");
        var nobody = Guid.NewGuid().ToString();
        var first = await site.DirectoryAsync(d => d.FindByIdsAsync([alice, bob, nobody], CancellationToken.None));
        Assert.Equal(["Alice Archer", "Robert Baker"], first.Values.Select(u => u.DisplayName).Order());

        await site.RenameAsync(bob, "Bob Baker");
        site.Host.Clock.Advance(TimeSpan.FromSeconds(59));
        site.Host.Statements.Reset();
        var kept = await site.DirectoryAsync(d => d.FindByIdsAsync([bob, alice, nobody], CancellationToken.None));
        Assert.Equal(0, site.Host.Statements.Count);
        Assert.Equal("Robert Baker", kept[bob].DisplayName);
        Assert.Equal(new[] { alice, bob }.Order(), kept.Keys.Order());

        site.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Bob Baker", await site.NameOfAsync(bob));
        Assert.Equal(1, site.Host.Statements.Count);
    }

    [Fact]
    public async Task WithANameCache_OnlyThePeopleNotKept_AreRead()
    {
        await using var site = await Site.StartAsync("claim", cacheNamesFor: TimeSpan.FromMinutes(1));
        var alice = await site.CreateAsync("alice@example.com", "Alice Archer");
        var bob = await site.CreateAsync("bob@example.com", "Robert Baker");
        Assert.Equal("Alice Archer", await site.NameOfAsync(alice));
        await site.RenameAsync(alice, "Alice A.");
        site.Host.Statements.Reset();

        var both = await site.DirectoryAsync(d => d.FindByIdsAsync([alice, bob], CancellationToken.None));

        Assert.Equal("Alice Archer", both[alice].DisplayName);
        Assert.Equal("Robert Baker", both[bob].DisplayName);
        var asked = string.Join(" ", Assert.Single(site.Host.Statements.Commands).Parameters.Select(p => p.Value));
        Assert.Contains(bob, asked, StringComparison.Ordinal);
        Assert.DoesNotContain(alice, asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullNameCache_ForgetsWhatItKept_AndStillShowsEveryName()
    {
        await using var site = await Site.StartAsync("claim", cacheNamesFor: TimeSpan.FromMinutes(1), cacheSize: 2);
        var alice = await site.CreateAsync("alice@example.com", "Alice Archer");
        var bob = await site.CreateAsync("bob@example.com", "Robert Baker");
        var carol = await site.CreateAsync("carol@example.com", "Carol Cook");
        Assert.Equal("Alice Archer", await site.NameOfAsync(alice));
        Assert.Equal("Robert Baker", await site.NameOfAsync(bob));
        Assert.Equal("Robert Baker", await site.NameOfAsync(bob));
        Assert.Equal(0, site.Host.Statements.Count);

        Assert.Equal("Carol Cook", await site.NameOfAsync(carol));
        Assert.Equal("Alice Archer", await site.NameOfAsync(alice));

        Assert.Equal(1, site.Host.Statements.Count);
    }

    [Fact]
    public async Task ANameCacheOfTheLongestDuration_KeepsNamesForEver_AndShowsThem()
    {
        await using var site = await Site.StartAsync("claim", cacheNamesFor: TimeSpan.MaxValue);
        var bob = await site.CreateAsync("bob@example.com", "Robert Baker");
        Assert.Equal("Robert Baker", await site.NameOfAsync(bob));
        await site.RenameAsync(bob, "Bob Baker");
        site.Host.Clock.Advance(TimeSpan.FromDays(3650));
        site.Host.Statements.Reset();

        Assert.Equal("Robert Baker", await site.NameOfAsync(bob));
        Assert.Equal(0, site.Host.Statements.Count);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(60, 0)]
    public void ANegativeCacheDuration_OrAnEmptyCache_IsRefusedWhenConfigured(int seconds, int size)
    {
        var messaging = new ServiceCollection().AddUserMessages();

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => messaging.AddIdentityUserDirectory<NamedUser>(o =>
        {
            o.NameCacheDuration = TimeSpan.FromSeconds(seconds);
            o.NameCacheSize = size;
        }));

        Assert.Equal(seconds < 0 ? "NameCacheDuration" : "NameCacheSize", refused.ParamName);
    }

    /// <summary>A site whose users have a <c>FullName</c> column and may have a public-name claim; the directory reads one of them, or neither.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private readonly TestHost<NamedDbContext> host;

        private Site(TestHost<NamedDbContext> host) => this.host = host;

        public TestHost<NamedDbContext> Host => host;

        public static async Task<Site> StartAsync(string source, TimeSpan? cacheNamesFor = null, int cacheSize = 10_000)
        {
            var builder = new TestHostBuilder().AddIdentity<NamedUser, string>();
            if (cacheNamesFor is { } duration)
            {
                builder.UseFakeClock().ConfigureMessaging(messaging => messaging.AddIdentityUserDirectory<NamedUser>(o =>
                {
                    o.DisplayNameClaimType = NameClaim;
                    o.NameCacheDuration = duration;
                    o.NameCacheSize = cacheSize;
                }));
            }
            else if (source == "claim")
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

        public async Task RenameAsync(string id, string name)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NamedUser>>();
            var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"No user {id}.");
            var claim = (await users.GetClaimsAsync(user)).Single(c => c.Type == NameClaim);
            Assert.True((await users.ReplaceClaimAsync(user, claim, new Claim(NameClaim, name))).Succeeded);
        }

        /// <summary>The name the pages show for <paramref name="id"/>, with the statements counted from here.</summary>
        public async Task<string> NameOfAsync(string id)
        {
            host.Statements.Reset();
            var found = await DirectoryAsync(d => d.FindByIdsAsync([id], CancellationToken.None));
            return found[id].DisplayName;
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
