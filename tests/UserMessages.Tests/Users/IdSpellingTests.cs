using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Blocking;
using UserMessages.Services;
using UserMessages.Storage;
using UserMessages.Tests.Infrastructure;
using UserMessages.Tests.Storage;
using UserMessages.Users;

namespace UserMessages.Tests.Users;

/// <summary>
/// Issue 20, item 7: a host's directory keyed by Guids finds a member by any spelling of their id and answers
/// with its own (lower-case) one; the package then stores and compares that one, whatever the caller wrote.
/// </summary>
public sealed class IdSpellingTests : IAsyncLifetime
{
    private static readonly Guid Ann = Guid.Parse("5a1d3c4e-0000-4000-8000-00000000a001");
    private static readonly Guid Ben = Guid.Parse("fd340a2e-0000-4000-8000-00000000b002");
    private static readonly Guid Cat = Guid.Parse("c47c47c4-0000-4000-8000-00000000c003");

    private TestHost<HostDbContext> host = null!;

    public async Task InitializeAsync()
        => host = await new TestHostBuilder().ConfigureServices(s => s.AddSingleton<IUserDirectory>(new GuidMembers(Ann, Ben, Cat))).StartAsync<HostDbContext>();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ANewThread_ToAnIdInUpperCase_ReachesTheMember_UnderTheDirectorysSpelling()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();

        var sent = await messages.StartThreadAsync(new NewThreadRequest(Id(Ann), [Upper(Ben)], "Spelling", "Hello Ben"));

        Assert.True(sent.Succeeded, string.Join(", ", sent.Errors.Select(e => e.Code)));
        Assert.Equal(1, await messages.CountUnreadAsync(Id(Ben)));
        var stored = await scope.ServiceProvider.GetRequiredService<HostDbContext>().ThreadParticipants.Select(p => p.UserId).OrderBy(id => id).ToListAsync();
        Assert.Equal([Id(Ann), Id(Ben)], stored);
    }

    [Fact]
    public async Task TheSendersOwnIdInUpperCase_IsNotARecipient()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();

        var result = await messages.StartThreadAsync(new NewThreadRequest(Id(Ann), [Upper(Ann)], "Myself", "Hello me"));

        Assert.Equal("RecipientsRequired", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task AddingAPerson_ByAnIdInUpperCase_BringsThemIn_AndAddingThemAgainIsRefused()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        var threadId = (await messages.StartThreadAsync(new NewThreadRequest(Id(Ann), [Id(Ben)], "Three of us", "Hi"))).Value!.ThreadId;

        var added = await messages.AddParticipantsAsync(Id(Ann), threadId, [Upper(Cat)]);
        var again = await messages.AddParticipantsAsync(Id(Ann), threadId, [Upper(Cat)]);

        Assert.True(added.Succeeded, string.Join(", ", added.Errors.Select(e => e.Code)));
        Assert.Equal(1, await messages.CountUnreadAsync(Id(Cat)));
        Assert.Equal("RecipientsRequired", Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task BlockingAndUnblocking_ByAnIdInUpperCase_ActOnTheMember()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        var blocks = scope.ServiceProvider.GetRequiredService<IUserBlockList>();
        await messages.StartThreadAsync(new NewThreadRequest(Id(Ann), [Id(Ben)], "Hi", "Hello"));

        Assert.True((await blocks.BlockAsync(Id(Ben), Upper(Ann))).Succeeded);
        Assert.Equal(Id(Ann), Assert.Single(await blocks.GetBlockedUsersAsync(Id(Ben))).User.Id);
        Assert.False((await messages.StartThreadAsync(new NewThreadRequest(Id(Ann), [Id(Ben)], "Again", "Hello?"))).Succeeded);

        await blocks.UnblockAsync(Id(Ben), Upper(Ann));
        Assert.Empty(await blocks.GetBlockedUsersAsync(Id(Ben)));
    }

    [Fact]
    public async Task ADirectoryAnsweringWithIdsItWasNotAskedFor_IsNamedInAClearError()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();

        // The directory strips the hyphens from the ids it returns: no spelling of what was asked.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => messages.StartThreadAsync(new NewThreadRequest(Id(Ann), [Ben.ToString("N") + "-renamed"], "Hi", "Hello")));

        Assert.Contains(nameof(GuidMembers) + ".FindByIdsAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("GetUserId", error.Message, StringComparison.Ordinal);
    }

    private static string Id(Guid id) => id.ToString();

    private static string Upper(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>A host's directory as it is often written: parses the id it is given and answers keyed by its own spelling.</summary>
    private sealed class GuidMembers(params Guid[] members) : IUserDirectory
    {
        public string? GetUserId(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);

        public Task<IReadOnlyDictionary<string, MessagingUser>> FindByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
        {
            var found = new Dictionary<string, MessagingUser>();
            foreach (var text in userIds)
            {
                var renamed = text.EndsWith("-renamed", StringComparison.Ordinal);
                if (Guid.TryParse(renamed ? text[..^"-renamed".Length] : text, out var id) && members.Contains(id))
                {
                    var user = Member(id);
                    found[renamed ? id.ToString("N") : user.Id] = user;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, MessagingUser>>(found);
        }

        public Task<IReadOnlyDictionary<string, MessagingUser>> FindByNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyDictionary<string, MessagingUser>>(new Dictionary<string, MessagingUser>());

        public Task<IReadOnlyList<MessagingUser>> SuggestAsync(string prefix, IReadOnlyCollection<string> excludedUserIds, int max, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<MessagingUser>>([]);

        private static MessagingUser Member(Guid id) => new(id.ToString(), "member-" + id.ToString()[..4], "Member " + id.ToString()[..4]);
    }
}
