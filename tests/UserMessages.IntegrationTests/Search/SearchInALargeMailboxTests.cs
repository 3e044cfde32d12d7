using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.IntegrationTests.Infrastructure;

namespace UserMessages.IntegrationTests.Search;

/// <summary>
/// Issue 23 §2: search in a mailbox of more threads than PostgreSQL's store first reads one by one (400)
/// finds every match, newest first, whether the matches lie among the newest threads, only among older
/// ones, or both; and pages on across that boundary. Every suite runs these (two threads a page here).
/// </summary>
public sealed class SearchInALargeMailboxTests : MessagingTest, IClassFixture<SharedApp>
{
    private const int Threads = 450;

    public SearchInALargeMailboxTests(SharedApp app)
        : base(app)
    {
    }

    [Fact]
    public async Task WordsOnlyOlderThreadsHold_AreFound_NewestFirst()
    {
        var ids = await MailboxWithWordsAsync("zebra crossing", 3, 1);

        var page = await Alice.SearchAsync("zebra crossing");

        Assert.Equal([ids[2], ids[0]], page.RowIds());
        Assert.Null(page.Find("[data-um-page-link='older']"));
    }

    [Fact]
    public async Task WordsInTheNewestAndInTheOldestThreads_AreEachFoundOnce()
    {
        var ids = await MailboxWithWordsAsync("zebra crossing", Threads, Threads - 1, 2);

        var first = await Alice.SearchAsync("zebra");
        var second = await Alice.GetPageAsync(first.Single("[data-um-page-link='older']").GetAttribute("href")!);
        var back = await Alice.GetPageAsync(second.Single("[data-um-page-link='newer']").GetAttribute("href")!);

        Assert.Equal([ids[Threads - 1], ids[Threads - 2]], first.RowIds());
        Assert.Equal([ids[1]], second.RowIds());
        Assert.Null(second.Find("[data-um-page-link='older']"));
        Assert.Equal([ids[Threads - 1], ids[Threads - 2]], back.RowIds());
    }

    [Fact]
    public async Task WordsEveryThreadHolds_PageNewestFirst()
    {
        var ids = await MailboxWithWordsAsync("zebra crossing");

        var first = await Alice.SearchAsync("message of thread");
        var second = await Alice.GetPageAsync(first.Single("[data-um-page-link='older']").GetAttribute("href")!);

        Assert.Equal([ids[Threads - 1], ids[Threads - 2]], first.RowIds());
        Assert.Equal([ids[Threads - 3], ids[Threads - 4]], second.RowIds());
    }

    [Fact]
    public async Task AMatchInAThreadTheUserLeft_StaysHidden_WhereverItLies()
    {
        var ids = await MailboxWithWordsAsync("zebra crossing", Threads, 1);
        await App.WithDbAsync(db => db.Set<ThreadParticipant>()
            .Where(p => p.ThreadId == ids[0] && p.UserId == Alice.Id)
            .ExecuteUpdateAsync(p => p.SetProperty(r => r.State, ParticipantState.Left)));

        var page = await Alice.SearchAsync("zebra");

        Assert.Equal([ids[Threads - 1]], page.RowIds());
    }

    protected override void ConfigureServices(IServiceCollection services)
        => services.Configure<UserMessagesOptions>(options => options.PageSize = 2);

    /// <summary>Alice's mailbox of <see cref="Threads"/> threads with Bob ("Thread 1" oldest), the numbered ones' message saying <paramref name="words"/>.</summary>
    private async Task<IReadOnlyList<long>> MailboxWithWordsAsync(string words, params int[] numbers)
    {
        var ids = await Seeder.MailboxAsync(App, Alice.User, Bob.User, Threads);
        var saying = numbers.Select(n => ids[n - 1]).ToList();
        await App.WithDbAsync(db => db.Set<Message>()
            .Where(m => saying.Contains(m.ThreadId))
            .ExecuteUpdateAsync(m => m.SetProperty(r => r.Content, r => r.Content + " about the " + words)));
        return ids;
    }
}
