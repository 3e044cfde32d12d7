using Microsoft.Extensions.Localization;
using UserMessages.Filters;
using UserMessages.Users;

namespace UserMessages.Tests.Moderation;

/// <summary>Issue 21, items 4 and 5: the built-in filter holds links from new accounts only; an account is new by the directory's date.</summary>
public sealed class NewAccountLinkFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("see http://example.com", true)]
    [InlineData("see HTTPS://example.com/x", true)]
    [InlineData("go to www.example.com today", true)]
    [InlineData("no link here, just http:// alone", false)]
    [InlineData("the words www and https", false)]
    [InlineData("an e-mail like someone@example.com", false)]
    public async Task ALink_FromANewAccount_IsHeld_AndTextWithoutOne_IsAccepted(string content, bool held)
    {
        var filter = new NewAccountLinkFilter(new Accounts(isNew: true), new Texts());

        var result = await filter.CheckAsync(new MessageToFilter("newcomer", null, ["bob"], "Hello", content), default);

        Assert.Equal(held ? MessageFilterVerdict.Hold : MessageFilterVerdict.Accept, result.Verdict);
        Assert.Equal(held ? "A link from a new account." : null, result.Reason);
    }

    [Fact]
    public async Task ALinkInTheSubject_IsHeldToo_ButNotFromAnAccountThatIsNotNew()
    {
        var message = new MessageToFilter("someone", null, ["bob"], "Visit www.example.com", "Hi");

        Assert.Equal(MessageFilterVerdict.Hold, (await new NewAccountLinkFilter(new Accounts(isNew: true), new Texts()).CheckAsync(message, default)).Verdict);
        Assert.Equal(MessageFilterVerdict.Accept, (await new NewAccountLinkFilter(new Accounts(isNew: false), new Texts()).CheckAsync(message, default)).Verdict);
    }

    [Theory]
    [InlineData(2.0, 3.0, true)]
    [InlineData(4.0, 3.0, false)]
    [InlineData(1.0, 0.0, false)]
    public async Task AnAccount_IsNew_WhileYoungerThanTheConfiguredAge(double ageInDays, double newForDays, bool isNew)
    {
        var policy = Policy(Now.UtcDateTime.AddDays(-ageInDays), TimeSpan.FromDays(newForDays));

        Assert.Equal(isNew, await policy.IsNewAsync("someone", default));
    }

    [Fact]
    public async Task AnAccountWithoutACreationDate_IsNeverNew()
        => Assert.False(await Policy(null, TimeSpan.FromDays(3)).IsNewAsync("someone", default));

    private static INewAccountPolicy Policy(DateTime? created, TimeSpan age)
    {
        var options = new UserMessagesOptions();
        options.NewAccounts.Age = age;
        return new DirectoryAgePolicy(new Directory(created), Microsoft.Extensions.Options.Options.Create(options), new FixedClock());
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Accounts(bool isNew) : INewAccountPolicy
    {
        public ValueTask<bool> IsNewAsync(string userId, CancellationToken cancellationToken) => ValueTask.FromResult(isNew);
    }

    private sealed class Texts : IStringLocalizer<UserMessagesResources>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private sealed class Directory(DateTime? created) : IUserDirectory
    {
        public string? GetUserId(System.Security.Claims.ClaimsPrincipal principal) => null;

        public Task<IReadOnlyDictionary<string, MessagingUser>> FindByIdsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyDictionary<string, MessagingUser>>(new Dictionary<string, MessagingUser>());

        public Task<IReadOnlyDictionary<string, MessagingUser>> FindByNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyDictionary<string, MessagingUser>>(new Dictionary<string, MessagingUser>());

        public Task<IReadOnlyList<MessagingUser>> SuggestAsync(string prefix, IReadOnlyCollection<string> excludedUserIds, int max, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<MessagingUser>>([]);

        public Task<DateTime?> GetAccountCreatedAtAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(created);
    }
}
