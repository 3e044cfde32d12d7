using System.Globalization;
using System.Net;
using System.Text.Json;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Suggestions;

/// <summary>Issue 3 §4 and §7: the type-ahead is rate limited per user (three requests a minute here).</summary>
/// <remarks>An app per test: suggestions search every user of the app, and other tests' Bobs would be suggested too.</remarks>
public sealed class SuggestionRateLimitTests : IsolatedMessagingTest
{
    private const int PerMinute = 3;

    [Fact]
    public async Task OverThePerMinuteLimit_Answers429ProblemJson_WithRetryAfter()
    {
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Alice.Http.GetAsync(MailboxPaths.RecipientsFor("bo"))).StatusCode);
        }

        var response = await Alice.Http.GetAsync(MailboxPaths.RecipientsFor("bo"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds), retryAfter);
        Assert.InRange(seconds, 1, 60);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(Bob.Id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLimitIsPerUser()
    {
        for (var i = 0; i <= PerMinute; i++)
        {
            await Alice.Http.GetAsync(MailboxPaths.RecipientsFor("bo"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Alice.Http.GetAsync(MailboxPaths.RecipientsFor("bo"))).StatusCode);
        Assert.Equal(new[] { Bob.Id }, await Carol.SuggestedIdsAsync("bo"));
    }

    protected override void ConfigureServices(IServiceCollection services)
        => services.Configure<UserMessagesOptions>(options => options.Limits.SuggestionsPerMinute = PerMinute);
}
