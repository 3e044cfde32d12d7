using System.Net;
using UserMessages.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace UserMessages.IntegrationTests.Performance;

/// <summary>SPEC §6: a page costs a fixed number of SQL statements, whatever the number of threads or messages.</summary>
public sealed class StatementCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<MessagesFactory> apps = [];

    [Fact]
    public async Task InboxPage_CostsTheSameNumberOfStatements_With5And500Threads()
    {
        var few = await MeasureInboxAsync(5, expectedRows: 5);
        var many = await MeasureInboxAsync(500, expectedRows: 25);

        Report("Inbox GET /messages", few, many);
        Assert.Equal(few.Count, many.Count);
    }

    [Fact]
    public async Task ThreadPage_CostsTheSameNumberOfStatements_With5And500Messages()
    {
        var few = await MeasureThreadAsync(5, expectedMessages: 5);
        var many = await MeasureThreadAsync(500, expectedMessages: 50);

        Report("Thread GET /messages/thread/{id}", few, many);
        Assert.Equal(few.Count, many.Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
    }

    private async Task<IReadOnlyList<string>> MeasureInboxAsync(int threads, int expectedRows)
    {
        var (app, alice, bob) = await StartAsync();
        await Seeder.ThreadsAsync(app, alice, bob, threads);
        using var browser = app.CreateBrowser(alice);
        await browser.GetPageAsync(Paths.Inbox);

        HtmlPage page = null!;
        var statements = await app.Statements.MeasureAsync(async () => page = await browser.GetPageAsync(Paths.Inbox));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expectedRows, page.Document.QuerySelectorAll("#um-thread-list [data-um-thread-id]").Length);
        Assert.Equal($"Thread {threads}", page.Single("#um-thread-list .um-thread__subject").TextContent.Trim());
        return statements;
    }

    private async Task<IReadOnlyList<string>> MeasureThreadAsync(int messages, int expectedMessages)
    {
        var (app, alice, bob) = await StartAsync();
        var threadId = await Seeder.ThreadWithMessagesAsync(app, alice, bob, messages);
        using var browser = app.CreateBrowser(alice);
        await browser.GetPageAsync(Paths.Thread(threadId));

        HtmlPage page = null!;
        var statements = await app.Statements.MeasureAsync(async () => page = await browser.GetPageAsync(Paths.Thread(threadId)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shown = page.Document.QuerySelectorAll("#um-messages .um-message__content");
        Assert.Equal(expectedMessages, shown.Length);
        Assert.Equal($"Message {messages}", shown[^1].TextContent);
        return statements;
    }

    private async Task<(MessagesFactory App, TestUser Alice, TestUser Bob)> StartAsync()
    {
        var app = new MessagesFactory();
        apps.Add(app);
        return (app, await app.CreateUserAsync("alice@example.com"), await app.CreateUserAsync("bob@example.com"));
    }

    private void Report(string page, IReadOnlyList<string> few, IReadOnlyList<string> many)
    {
        output.WriteLine($"{page}: {few.Count} SQL statements with the small data set, {many.Count} with the large one.");
        for (var i = 0; i < many.Count; i++)
        {
            output.WriteLine($"--- statement {i + 1} (large data set)");
            output.WriteLine(many[i]);
        }
    }
}
