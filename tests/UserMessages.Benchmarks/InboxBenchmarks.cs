using BenchmarkDotNet.Attributes;
using Dapper;
using UserMessages.Benchmarks.Infrastructure;
using UserMessages.Domain;
using UserMessages.Seeding;
using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Benchmarks;

/// <summary>
/// The inbox page's data: the first page of the inbox (threads, latest message excerpt, the other
/// participants' names) and the unread badge, for a user with 10, 1,000 or 10,000 threads.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ReadConfig))]
public class InboxBenchmarks : ReadBenchmarks
{
    private const int PageSize = 25;

    // The newest page of the user's inbox rows (one more than a page, to know whether there is an
    // older page), with each thread's subject, latest message and the ids of the other
    // participants joined in one column (by the unit separator, as the library reads them).
    private const string PageSql = """
        SELECT p.ThreadId, p.IsUnread, p.State, p.LatestMessageAt, t.Subject, m.SenderId, substr(m.Content, 1, 141) AS Excerpt,
               (SELECT group_concat(o.UserId, char(31)) FROM UserMessagesParticipants AS o
                WHERE o.ThreadId = p.ThreadId AND o.UserId <> @User AND o.State <> 3) AS OtherIds
        FROM UserMessagesParticipants AS p
        JOIN UserMessagesThreads AS t ON t.Id = p.ThreadId
        JOIN UserMessagesMessages AS m ON m.Id = t.LatestMessageId
        WHERE p.UserId = @User AND p.State = 0
        ORDER BY p.LatestMessageAt DESC, p.ThreadId DESC LIMIT 26
        """;

    [Params(10, 1_000, 10_000)]
    public int ThreadsPerUser { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await OpenAsync(new SeedSize(BenchmarkDatabase.Users, ThreadsPerUser, 10));
        var (library, libraryUnread) = await Library();
        var (baseline, baselineUnread) = await RawSql();
        Same.Check(library.Threads.Select(Describe), baseline.Select(Describe), "inbox page");
        Same.Check([libraryUnread], [baselineUnread], "unread count");
    }

    [Benchmark]
    public Task<(FolderPage Page, int Unread)> Library() => InNewScopeAsync(ReadAsync);

    /// <summary>The same calls in a request whose context is already open: what the library adds once the request pays for its DbContext.</summary>
    [Benchmark]
    public Task<(FolderPage Page, int Unread)> LibraryOnOpenContext() => InOpenScopeAsync(ReadAsync);

    private async Task<(FolderPage Page, int Unread)> ReadAsync(IUserMessagesService messages)
    {
        var page = await messages.GetFolderAsync(Db.Ids.User1, MailboxFolder.Inbox, PageRequest.Newest);
        return (page.Value!, await messages.CountUnreadAsync(Db.Ids.User1));
    }

    [Benchmark(Baseline = true)]
    public async Task<(List<ThreadSummary> Page, int Unread)> RawSql()
    {
        await using var connection = await Db.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<PageRow>(PageSql, new { User = Db.Ids.User1 })).Take(PageSize).ToList();
        var others = rows.Select(r => (r.OtherIds ?? string.Empty).Split('\u001f', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList()).ToList();
        var ids = others.SelectMany(o => o).Concat(rows.Select(r => r.SenderId)).Distinct().ToList();
        var names = (await connection.QueryAsync<(string Id, string UserName)>("SELECT Id, UserName FROM AspNetUsers WHERE Id IN @Ids", new { Ids = ids }))
            .ToDictionary(u => u.Id, u => new MessagingUser(u.Id, u.UserName, u.UserName.Split('@')[0]));
        var unread = await connection.QuerySingleOrDefaultAsync<int>("SELECT UnreadThreads FROM UserMessagesMailboxCounters WHERE UserId = @User", new { User = Db.Ids.User1 });
        var page = rows.Select((row, i) => new ThreadSummary(
            row.ThreadId,
            row.Subject,
            row.IsUnread,
            DateTime.SpecifyKind(row.LatestMessageAt, DateTimeKind.Utc),
            names[row.SenderId],
            row.Excerpt.Length > 140 ? row.Excerpt[..140] + "\u2026" : row.Excerpt,
            others[i].Select(id => names[id]).ToList(),
            (ParticipantState)row.State)).ToList();
        return (page, unread);
    }

    private static string Describe(ThreadSummary t)
        => $"{t.ThreadId} {t.Subject} {t.IsUnread} {t.LatestMessageAt:O} {t.LatestSender.UserName} {t.Excerpt} {string.Join(",", t.OtherParticipants.Select(p => p.UserName))}";

    private sealed class PageRow
    {
        public long ThreadId { get; set; }

        public bool IsUnread { get; set; }

        public int State { get; set; }

        public DateTime LatestMessageAt { get; set; }

        public string Subject { get; set; } = string.Empty;

        public string SenderId { get; set; } = string.Empty;

        public string Excerpt { get; set; } = string.Empty;

        public string? OtherIds { get; set; }
    }
}
