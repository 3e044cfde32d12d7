using System.Net;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using static UserMessages.IntegrationTests.Moderation.FiltersTestKit;

namespace UserMessages.IntegrationTests.Moderation;

/// <summary>
/// Issue 21, items 5 and 7, with the sample's settings (<c>Messages:NewAccounts</c>) and its <c>NewAccountLinkFilter</c>:
/// links from a new account wait for a moderator, and a new account starts conversations with only so many people a day.
/// The sample's directory knows no creation dates, so the tests name the new accounts.
/// </summary>
public sealed class NewAccountTests(SharedApp sharedApp) : MessagingTest(sharedApp), IClassFixture<SharedApp>
{
    private const int PeoplePerDay = 2;

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Messages:NewAccounts:Age"] = "7.00:00:00",
        ["Messages:NewAccounts:PeoplePerDay"] = PeoplePerDay.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private NewAccounts Accounts => App.Services.GetRequiredService<NewAccounts>();

    [Fact]
    public async Task ALinkFromANewAccount_IsHeld_AndModeratorsSeeWhy()
    {
        Accounts.Add(Alice.Id);
        using var moderator = App.CreateBrowser(await CreateUserAsync("moderator"), ModeratorRole);

        var response = await Alice.ComposeAsync(Bob.UserName, "Deal", "Look at https://example.com/deal today");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Paths.Sent + "#um-awaiting-review", response.Headers.Location!.OriginalString);
        var heldId = Assert.Single((await Alice.GetPageAsync(Paths.Sent)).AwaitingIds());
        Assert.Empty((await Bob.GetPageAsync(Paths.Inbox)).RowIds());
        var item = (await moderator.GetPageAsync(Held)).HeldItem(heldId) ?? throw new Xunit.Sdk.XunitException($"Held message {heldId} is not listed.");
        Assert.Contains("A link from a new account.", item.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com/a")]
    [InlineData("https://example.com/a")]
    [InlineData("www.example.com")]
    public async Task ANewAccount_WritesWithoutLinksFreely_ButAReplyWithAnyKindOfLink_IsHeld(string link)
    {
        Accounts.Add(Alice.Id);
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Hello", "Nice to meet you.");
        await Alice.ReplyAsync(threadId, "Still no links here.");

        var response = await Alice.SendReplyAsync(threadId, $"My page: {link}");

        Assert.Equal(Paths.Thread(threadId) + "#um-awaiting-review", response.Headers.Location!.OriginalString);
        Assert.Single((await Alice.GetPageAsync(Paths.Thread(threadId))).AwaitingIds());
        var bobsView = await Bob.GetPageAsync(Paths.Thread(threadId));
        Assert.Equal(
            ["Nice to meet you.", "Still no links here."],
            bobsView.Document.QuerySelectorAll("#um-messages .um-message__content").Select(e => e.TextContent).ToArray());
    }

    [Fact]
    public async Task ALinkFromAnAccountThatIsNotNew_IsDelivered()
    {
        Accounts.Add(Alice.Id);

        var threadId = await Bob.StartThreadAsync(Alice.UserName, "Deal", "Look at https://example.com/deal today");

        Assert.Equal([threadId], (await Alice.GetPageAsync(Paths.Inbox)).RowIds());
        Assert.Null((await Bob.GetPageAsync(Paths.Sent)).Find("#um-awaiting-review"));
    }

    [Fact]
    public async Task ANewAccount_BeyondItsPeopleOfTheDay_IsRefusedWith429_KeepsItsText_AndMayStillReply()
    {
        Accounts.Add(Alice.Id);
        var dave = await CreateUserAsync("dave");
        var first = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        await Alice.StartThreadAsync(Carol.UserName, "Two", "Second");
        var before = await CountRowsAsync();

        var response = await Alice.ComposeAsync(dave.UserName, "Three", "Third");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(RetryAfter.Seconds(response), 1, (int)TimeSpan.FromDays(1).TotalSeconds);
        var form = await BrowserClient.ReadPageAsync(response);
        Assert.Equal("Third", form.Single("#um-content").TextContent);
        Assert.Contains($"at most {PeoplePerDay} people", form.Single("#um-compose-form").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
        await Alice.ReplyAsync(first, "Replies are not new conversations.");
    }

    [Fact]
    public async Task TheApi_RefusesANewAccountBeyondItsPeopleOfTheDay_With429RetryAfterAndTheCode()
    {
        Accounts.Add(Alice.Id);
        var dave = await CreateUserAsync("dave");
        await Alice.UseAntiforgeryAsync();
        await Alice.ApiStartThreadAsync(Bob.UserName, "One", "First");
        await Alice.ApiStartThreadAsync(Carol.UserName, "Two", "Second");

        var response = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { dave.UserName }, subject = "Three", content = "Third" });

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.InRange(RetryAfter.Seconds(response), 1, (int)TimeSpan.FromDays(1).TotalSeconds);
        Assert.Contains("TooManyPeopleForNewAccount", problem.GetRawText(), StringComparison.Ordinal);
        using var davesBrowser = App.CreateBrowser(dave);
        Assert.Empty(await davesBrowser.ApiFolderIdsAsync("inbox"));
    }

    [Fact]
    public async Task EachPersonOfAGroupThread_CountsTowardsANewAccountsPeopleOfTheDay()
    {
        Accounts.Add(Alice.Id);
        var dave = await CreateUserAsync("dave");

        var response = await Alice.ComposeAsync($"{Bob.UserName}, {Carol.UserName}, {dave.UserName}", "Party", "All of you?");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Empty((await Bob.GetPageAsync(Paths.Inbox)).RowIds());
        await Alice.StartThreadAsync($"{Bob.UserName}, {Carol.UserName}", "Party", "Just the two of you?");
    }

    [Fact]
    public async Task ANewAccount_MayStartAnotherConversation_WithSomeoneItAlreadyWroteToToday()
    {
        Accounts.Add(Alice.Id);
        await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        await Alice.StartThreadAsync(Carol.UserName, "Two", "Second");

        // Still two different people today.
        var response = await Alice.ComposeAsync(Bob.UserName, "Three", "Another topic");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, (await Bob.GetPageAsync(Paths.Inbox)).RowIds().Count);
    }

    [Fact]
    public async Task AnAccountThatIsNotNew_StartsConversationsWithAsManyPeopleAsItLikes()
    {
        Accounts.Add(Alice.Id);
        var dave = await CreateUserAsync("dave");

        foreach (var person in new[] { Alice.User, Carol.User, dave })
        {
            await Bob.StartThreadAsync(person.UserName, "Hello", "Nice to meet you.");
        }

        Assert.Equal(3, (await Bob.GetPageAsync(Paths.Sent)).RowIds().Count);
    }

    protected override void ConfigureServices(IServiceCollection services) => AddTestFilters(services);
}
