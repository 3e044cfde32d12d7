using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Limits;

/// <summary>Issue 3 §7: with one new thread a day, the second compose is refused (429) while replies still go through.</summary>
public sealed class NewThreadLimitTests : MessagingTest, IClassFixture<SharedApp>
{
    public NewThreadLimitTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task SecondNewThreadOfTheDay_Answers429WithRetryAfter_AndSavesNothing()
    {
        var threadId = await Alice.StartThreadAsync(Bob.UserName, "One", "First");
        var before = await CountRowsAsync();
        var form = await Alice.GetPageAsync(Paths.Create);

        var response = await Alice.SubmitFormAsync(form, "#um-compose-form", MessagingSteps.ComposeFields(Carol.UserName, "Two", "Second"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(RetryAfter.Seconds(response), 61, (int)TimeSpan.FromDays(1).TotalSeconds);
        var page = await BrowserClient.ReadPageAsync(response);
        Assert.Equal("Second", page.Single("#um-content").TextContent);
        Assert.Equal(before, await CountRowsAsync());

        // Replies are not new threads.
        await Alice.ReplyAsync(threadId, "A reply is fine");
    }

    [Fact]
    public async Task ADayLater_TheUserMayStartAThreadAgain()
    {
        await Alice.StartThreadAsync(Bob.UserName, "One", "First");

        Clock.Advance(TimeSpan.FromDays(1));

        await Alice.StartThreadAsync(Carol.UserName, "Two", "Second");
    }

    private ManualClock Clock => App.Services.GetRequiredService<ManualClock>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<UserMessagesOptions>(options =>
        {
            options.Limits.NewThreadsPerDay = 1;

            // Moving the clock must not make the sample's e-mail digests fall due (they would be written to its folder).
            options.Notifications.QuietPeriod = TimeSpan.FromDays(365);
            options.Notifications.MaxDelay = TimeSpan.FromDays(365);
        });
        ManualClock.Replace(services);
    }
}
