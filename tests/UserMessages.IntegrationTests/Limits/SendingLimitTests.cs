using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Limits;

/// <summary>
/// Issue 3 §7: with two messages a minute, the third compose or reply is refused with 429 and
/// <c>Retry-After</c>, the text kept and nothing saved. The app's clock stands still unless a test moves it.
/// </summary>
public sealed class SendingLimitTests : MessagingTest, IClassFixture<SharedApp>
{
    public SendingLimitTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task ThirdComposeWithinAMinute_Answers429WithRetryAfter_KeepsTheTextAndSavesNothing()
    {
        await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        await Alice.StartThreadAsync(Bob.UserName, "Two", "Second");
        var before = await CountRowsAsync();
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Bob.UserName, "Three", "Third, typed with care"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(RetryAfter.Seconds(response), 1, 60);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Equal(Bob.UserName, page.Single("#um-to").GetAttribute("value"));
        Assert.Equal("Three", page.Single("#um-subject").GetAttribute("value"));
        Assert.Equal("Third, typed with care", page.Single("#um-content").TextContent);
        Assert.Contains("minute", page.Single("[data-um-errors]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal(2, (await Bob.GetPageAsync(Paths.Inbox)).RowIds().Count);
    }

    [Fact]
    public async Task ThirdReplyWithinAMinute_Answers429WithRetryAfter_KeepsTheTextAndSavesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Chat", "Hi");
        await Bob.ReplyAsync(threadId, "One");
        await Bob.ReplyAsync(threadId, "Two");
        var before = await CountRowsAsync();
        var thread = await Bob.GetPageAsync(Paths.Thread(threadId));

        var response = await Bob.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Three, typed with care" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(RetryAfter.Seconds(response), 1, 60);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Equal("Three, typed with care", page.Single("#um-reply-content").TextContent);
        Assert.Contains("minute", page.Single("#um-reply-content-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.Document.QuerySelectorAll("#um-messages .um-message").Length);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task AComposeAndAReply_CountTowardsTheSameLimit()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Chat", "Hi");
        await Alice.ReplyAsync(threadId, "Are you there?");
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Carol.UserName, "Other", "Hello Carol"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null((await Carol.GetPageAsync(Paths.Inbox)).Find("#um-thread-list"));
    }

    [Fact]
    public async Task AfterTheRetryAfterTimeHasPassed_TheUserMaySendAgain()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Chat", "Hi");
        await Alice.ReplyAsync(threadId, "Two");
        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        var refused = await Alice.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Three" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        Clock.Advance(TimeSpan.FromSeconds(RetryAfter.Seconds(refused)));

        await Alice.ReplyAsync(threadId, "Three");
        Assert.Equal(3, (await Alice.GetPageAsync(Paths.Thread(threadId))).Document.QuerySelectorAll("#um-messages .um-message").Length);
    }

    [Fact]
    public async Task TheLimitIsPerUser()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Chat", "Hi");
        await Alice.ReplyAsync(threadId, "Two");

        var thread = await Alice.GetPageAsync(Paths.Thread(threadId));
        var refused = await Alice.SubmitFormAsync(thread, "#um-reply-form", new Dictionary<string, string> { ["Content"] = "Three" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        await Bob.ReplyAsync(threadId, "Bob may still write");
        await Carol.StartThreadAsync(Alice.UserName, "Carol too", "Hello");
    }

    [Fact]
    public async Task SystemLines_DoNotCountAsMessages()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "Chat", "Hi");
        Assert.Equal(HttpStatusCode.Redirect, (await Alice.AddPeopleAsync(threadId, Carol.UserName)).StatusCode);

        await Alice.ReplyAsync(threadId, "Welcome, Carol");
    }

    private ManualClock Clock => App.Services.GetRequiredService<ManualClock>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<UserMessagesOptions>(options =>
        {
            options.Limits.MessagesPerMinute = 2;

            // Moving the clock must not make the sample's e-mail digests fall due (they would be written to its folder).
            options.Notifications.QuietPeriod = TimeSpan.FromDays(365);
            options.Notifications.MaxDelay = TimeSpan.FromDays(365);
        });
        ManualClock.Replace(services);
    }
}
