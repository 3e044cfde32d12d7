using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Site;

/// <summary>The sample's settings that the README documents (the load test sets them too).</summary>
public sealed class SampleSettingsTests
{
    [Fact]
    public async Task MessagesPageSize_SetsTheThreadsPerFolderPage()
    {
        await using var app = new MessagesFactory(settings: new Dictionary<string, string> { ["Messages:PageSize"] = "2" });
        using var alice = app.CreateBrowser(await app.CreateUserAsync("alice@example.com"));
        using var bob = app.CreateBrowser(await app.CreateUserAsync("bob@example.com"));
        var first = await alice.StartThreadAsync("bob@example.com", "First", "Hello.");
        var second = await alice.StartThreadAsync("bob@example.com", "Second", "Hello.");
        var third = await alice.StartThreadAsync("bob@example.com", "Third", "Hello.");

        var inbox = await bob.GetPageAsync(Paths.Inbox);
        var older = await bob.GetPageAsync(inbox.Single("a[rel='next']").GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Equal([third, second], ThreadIds(inbox));
        Assert.Equal([first], ThreadIds(older));
    }

    [Fact]
    public async Task WithoutMessagesPageSize_AFolderPageHoldsTwentyFiveThreads()
    {
        await using var app = new MessagesFactory();

        Assert.Equal(25, app.Services.GetRequiredService<IOptions<UserMessagesOptions>>().Value.PageSize);
    }

    private static long[] ThreadIds(HtmlPage page)
        => page.Document.QuerySelectorAll("#um-thread-list [data-um-thread-id]").Select(row => long.Parse(row.GetAttribute("data-um-thread-id")!, CultureInfo.InvariantCulture)).ToArray();
}
