using System.Net;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Api;

/// <summary>Issue 4 §1 with issue 3's limits: the API answers 429 with <c>Retry-After</c> and saves nothing.</summary>
public sealed class ApiRateLimitTests : MessagingTest, IClassFixture<SharedApp>
{
    public ApiRateLimitTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task ThirdMessageWithinAMinute_Gets429WithRetryAfter_AndSavesNothing()
    {
        await Alice.UseAntiforgeryAsync();
        var threadId = await Alice.ApiStartThreadAsync(Bob.UserName, "One", "First");
        Assert.Equal(HttpStatusCode.Created, (await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "Second" })).StatusCode);
        var before = await CountRowsAsync();

        var reply = await Alice.PostJsonAsync(ApiSteps.Thread(threadId) + "/messages", new { content = "Third" });
        var compose = await Alice.PostJsonAsync(ApiSteps.Threads, new { to = new[] { Bob.UserName }, subject = "Two", content = "Third" });

        foreach (var response in new[] { reply, compose })
        {
            var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
            Assert.Contains("minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.InRange(RetryAfter.Seconds(response), 1, 60);
        }

        Assert.Equal(before, await CountRowsAsync());
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<UserMessagesOptions>(options => options.Limits.MessagesPerMinute = 2);
        ManualClock.Replace(services);
    }
}
