using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Performance;

/// <summary>
/// A site that sets the Identity directory's <c>NameCacheDuration</c> (the sample reads <c>Messages:NameCacheDuration</c>)
/// shows the same names, and its pages read the people's names only when they are not kept already.
/// </summary>
public sealed class NameCacheTests
{
    [Fact]
    public async Task WithANameCache_APageViewedAgain_ReadsNoNames_AndShowsTheSame()
    {
        // Pages rendered every time, so each reads its names (or not): a kept page reads none at all.
        await using var app = new MessagesFactory(
            settings: new Dictionary<string, string> { ["Messages:NameCacheDuration"] = "00:01:00" },
            configureServices: services => services.PostConfigure<UserMessagesOptions>(options => options.KeptPages.Duration = TimeSpan.Zero));
        var alice = await app.CreateUserAsync("alice@example.com", "Alice Archer");
        var bob = await app.CreateUserAsync("bob@example.com", "Robert Baker");
        await Seeder.MailboxAsync(app, alice, bob, 3);
        var threadId = await Seeder.ConversationAsync(app, alice, bob, 4);
        using var browser = app.CreateBrowser(alice);

        foreach (var path in new[] { Paths.Inbox, Paths.Thread(threadId) })
        {
            var first = await app.Statements.MeasureAsync(() => browser.GetPageAsync(path));
            HtmlPage again = null!;
            var second = await app.Statements.MeasureAsync(async () => again = await browser.GetPageAsync(path));

            // The inbox, viewed first, reads the names; the thread page reads only those the inbox did not show.
            Assert.True(path != Paths.Inbox || first.Any(ReadsUsers));
            Assert.DoesNotContain(second, ReadsUsers);
            Assert.Equal(first.Count(s => !ReadsUsers(s)), second.Count);
            Assert.Contains("Robert Baker", again.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }

    private static bool ReadsUsers(string statement) => statement.Contains("AspNetUsers", StringComparison.OrdinalIgnoreCase);
}
