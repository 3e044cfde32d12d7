using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Mailbox;

/// <summary>
/// Issue 5: a folder page renders the package's row view once and runs it again for each row
/// (<c>UserMessagesPartials</c>). Every row must still show its own thread, and its own buttons must act on it.
/// </summary>
public sealed class ThreadRowsTests : MessagingTest, IClassFixture<SharedApp>
{
    public ThreadRowsTests(SharedApp app)
        : base(app)
    {
    }

    /// <summary>A full page is 25 threads: more than the sending limits let one person start in a minute.</summary>
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<UserMessagesOptions>(o => (o.Limits.MessagesPerMinute, o.Limits.NewThreadsPerDay) = (1_000, 1_000));
    }

    [Fact]
    public async Task EveryRowOfAFullPage_ShowsItsOwnThread()
    {
        // 27 threads: to Bob or Carol in turn; Bob answers every third of his, so the latest writer varies.
        var threads = new List<(long Id, string Subject, string Other, string LatestWriter)>();
        for (var i = 0; i < 27; i++)
        {
            var other = i % 2 == 0 ? Bob : Carol;
            var id = await Alice.StartThreadAsync(other.UserName, $"Subject {i}", $"Content {i}");
            var answered = i % 2 == 0 && i % 3 == 0;
            if (answered)
            {
                await Bob.ReplyAsync(id, $"Answer {i}");
            }

            threads.Add((id, $"Subject {i}", other.DisplayName, answered ? Bob.DisplayName : Alice.DisplayName));
        }

        var inbox = await Alice.GetPageAsync(Paths.Inbox);

        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        var expected = threads.AsEnumerable().Reverse().Take(25).ToList();
        Assert.Equal(expected.Select(t => t.Id), inbox.RowIds());
        foreach (var (id, subject, other, writer) in expected)
        {
            var row = inbox.ThreadRow(id)!;
            Assert.Matches($@"(^|\s){subject}$", row.QuerySelector(".um-thread__subject")!.TextContent.Trim());
            Assert.Equal(other, row.QuerySelector(".um-thread__people")!.TextContent.Trim());
            Assert.StartsWith(writer + ":", row.QuerySelector(".um-thread__excerpt")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(writer == Bob.DisplayName ? "true" : "false", row.GetAttribute("data-um-unread"));
            Assert.Equal(Paths.Thread(id), row.QuerySelector("a.um-thread__link")!.GetAttribute("href"));
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("input[name='ids']")!.GetAttribute("value"));
            Assert.Contains(subject, row.QuerySelector("input[name='ids']")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RestoreButtonOfAnyTrashRow_RestoresThatThreadOnly()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var id = await Alice.StartThreadAsync(Bob.UserName, $"Old {i}", "To throw away");
            Assert.Equal(HttpStatusCode.Redirect, (await Alice.DeleteAsync(id)).StatusCode);
            ids.Add(id);
        }

        var trash = await Alice.GetPageAsync(Paths.Trash);
        Assert.Equal(ids.AsEnumerable().Reverse(), trash.RowIds());

        // The second and third rows are the ones rendered by running the row's page again.
        foreach (var id in new[] { ids[1], ids[0] })
        {
            var response = await Alice.PressAsync(trash, $"#um-thread-list [data-um-thread-id='{id}'] [data-um-action='restore'] button");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            trash = await Alice.GetPageAsync(Paths.Trash);
        }

        Assert.Equal([ids[2]], trash.RowIds());
        Assert.Equal([ids[0], ids[1]], (await Alice.GetPageAsync(Paths.Inbox)).RowIds().Order());
    }
}
