using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Limits;

/// <summary>
/// Two messages a minute and two a day: both limits are read from the same limit-th newest message.
/// Within the minute the sender is told about the minute; once it has passed, about the day.
/// </summary>
public sealed class EqualLimitsTests : MessagingTest, IClassFixture<SharedApp>
{
    public EqualLimitsTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task AThirdReply_IsRefusedForTheMinute_AndAMinuteLater_ForTheDay()
    {
        var threadId = await Carol.StartThreadAsync(Bob.UserName, "Chat", "Hi");
        await Bob.ReplyAsync(threadId, "One");
        await Bob.ReplyAsync(threadId, "Two");

        var withinTheMinute = await ReplyAsync(threadId, "Three");
        Assert.InRange(RetryAfterSeconds(withinTheMinute), 1, 60);
        Assert.Contains("2 messages a minute", await ReplyErrorAsync(withinTheMinute), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromSeconds(61));

        var aMinuteLater = await ReplyAsync(threadId, "Three");
        Assert.InRange(RetryAfterSeconds(aMinuteLater), (int)TimeSpan.FromHours(23).TotalSeconds, (int)TimeSpan.FromDays(1).TotalSeconds);
        Assert.Contains("2 messages a day", await ReplyErrorAsync(aMinuteLater), StringComparison.Ordinal);
        Assert.Equal(3, (await Bob.GetPageAsync(Paths.Thread(threadId))).Document.QuerySelectorAll("#um-messages .um-message").Length);
    }

    [Fact]
    public async Task AThirdNewThread_IsRefusedForTheMinute_AndAMinuteLater_ForTheDay()
    {
        await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        await Alice.StartThreadAsync(Carol.UserName, "Two", "Second");

        var withinTheMinute = await ComposeAsync();
        Assert.InRange(RetryAfterSeconds(withinTheMinute), 1, 60);
        Assert.Contains("2 messages a minute", await ComposeErrorAsync(withinTheMinute), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromSeconds(61));

        var aMinuteLater = await ComposeAsync();
        Assert.InRange(RetryAfterSeconds(aMinuteLater), (int)TimeSpan.FromHours(23).TotalSeconds, (int)TimeSpan.FromDays(1).TotalSeconds);
        Assert.Contains("2 messages a day", await ComposeErrorAsync(aMinuteLater), StringComparison.Ordinal);
        Assert.Single((await Carol.GetPageAsync(Paths.Inbox)).RowIds());
    }

    private ManualClock Clock => App.Services.GetRequiredService<ManualClock>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<UserMessagesOptions>(options =>
        {
            options.Limits.MessagesPerMinute = 2;
            options.Limits.MessagesPerDay = 2;

            // Moving the clock must not make the sample's e-mail digests fall due (they would be written to its folder).
            options.Notifications.QuietPeriod = TimeSpan.FromDays(365);
            options.Notifications.MaxDelay = TimeSpan.FromDays(365);
        });
        ManualClock.Replace(services);
    }

    private static int RetryAfterSeconds(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        return RetryAfter.Seconds(response);
    }

    private static async Task<string> ReplyErrorAsync(HttpResponseMessage response)
        => (await BrowserClient.ReadPageAsync(response)).Single("#um-reply-content-error").TextContent;

    private static async Task<string> ComposeErrorAsync(HttpResponseMessage response)
        => (await BrowserClient.ReadPageAsync(response)).Single("[data-um-errors]").TextContent;

    private async Task<HttpResponseMessage> ReplyAsync(long threadId, string content)
        => await Bob.SubmitFormAsync(await Bob.GetPageAsync(Paths.Thread(threadId)), "#um-reply-form", new Dictionary<string, string> { ["Content"] = content });

    private async Task<HttpResponseMessage> ComposeAsync()
        => await Alice.SubmitFormAsync(await Alice.GetPageAsync(Paths.Create), "#um-compose-form", MessagingSteps.ComposeFields(Carol.UserName, "Three", "Third"));
}
