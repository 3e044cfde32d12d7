using System.Net;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Search;

/// <summary>
/// Issue 23: search, the most expensive read, is limited per user (two searches a minute here), on the
/// page and in the API alike; a refused search keeps what was typed and says how long to wait.
/// </summary>
public sealed class SearchRateLimitTests : MessagingTest, IClassFixture<SharedApp>
{
    private const int PerMinute = 2;

    public SearchRateLimitTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task OverTheLimit_TheSearchPageAnswers429_KeepingTheQuery_AndSayingWhy()
    {
        var garden = await Alice.StartThreadAsync(Bob.UserName, "Garden party", "Saturday at two");
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(new[] { garden }, (await Alice.SearchAsync("garden")).RowIds());
        }

        var refused = await Alice.SearchAsync("garden party");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.InRange(RetryAfter.Seconds(refused.Response), 1, 60);
        Assert.Equal("garden party", refused.Single("#um-search-q").GetAttribute("value"));
        Assert.Contains("at most 2 times a minute", refused.Single("#um-search-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(refused.RowIds());
    }

    [Fact]
    public async Task ThePageAndTheApi_ShareOneLimit_AndTheApiAnswersProblemJsonWithItsCode()
    {
        await Alice.StartThreadAsync(Bob.UserName, "Budget", "The numbers for March");
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Alice.SearchAsync("budget")).Status);
        }

        var response = await Alice.Http.GetAsync(ApiSteps.Root + "/search?q=budget");

        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many searches", problem.GetProperty("title").GetString());
        Assert.Equal("TooManySearches", problem.GetProperty("code").GetString());
        Assert.InRange(RetryAfter.Seconds(response), 1, 60);
        Assert.DoesNotContain("Budget", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLimitIsPerUser()
    {
        var budget = await Alice.StartThreadAsync(Bob.UserName, "Budget", "The numbers for March");
        for (var i = 0; i <= PerMinute; i++)
        {
            await Alice.SearchAsync("budget");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Alice.SearchAsync("budget")).Status);
        Assert.Equal(new[] { budget }, (await Bob.SearchAsync("budget")).RowIds());
    }

    [Fact]
    public async Task RefusedQueries_DoNotCount()
    {
        var budget = await Alice.StartThreadAsync(Bob.UserName, "Budget", "The numbers for March");
        for (var i = 0; i < PerMinute + 1; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Alice.SearchAsync("b")).Status);
        }

        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(new[] { budget }, (await Alice.SearchAsync("budget")).RowIds());
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
        => services.Configure<UserMessagesOptions>(options => options.Limits.SearchesPerMinute = PerMinute);
}
