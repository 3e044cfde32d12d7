using BenchmarkDotNet.Attributes;
using Dapper;
using UserMessages.Benchmarks.Infrastructure;
using UserMessages.Domain;
using UserMessages.Seeding;
using UserMessages.Services;
using UserMessages.Users;

namespace UserMessages.Benchmarks;

/// <summary>
/// A thread page's data: the user's place in the thread, its participants, the newest page of
/// messages (50) with the senders' names, in a thread of 10 or 1,000 messages.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ReadConfig))]
public class ThreadPageBenchmarks : ReadBenchmarks
{
    private const int ThreadPageSize = 50;

    private const string PageSql = """
        SELECT p.IsUnread, p.State, p.LastReadMessageId, t.Subject
        FROM UserMessagesParticipants AS p JOIN UserMessagesThreads AS t ON t.Id = p.ThreadId
        WHERE p.ThreadId = @Thread AND p.UserId = @User AND p.State <> 3;
        SELECT UserId FROM UserMessagesParticipants WHERE ThreadId = @Thread AND State <> 3 ORDER BY JoinedAt, UserId;
        SELECT Id, SenderId, SentAt, Content, Kind, AboutUserId FROM UserMessagesMessages
        WHERE ThreadId = @Thread ORDER BY SentAt DESC, Id DESC LIMIT 51;
        """;

    [Params(10, 1_000)]
    public int MessagesPerThread { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await OpenAsync(new SeedSize(BenchmarkDatabase.Users, 10, MessagesPerThread));
        var (library, baseline) = (await Library(), await RawSql());
        Same.Check(library.Messages.Select(Describe), baseline.Messages.Select(Describe), "thread page");
        Same.Check(library.Participants, baseline.Participants, "participants");
        Same.Check([(library.Subject, library.IsUnread, library.FirstUnreadMessageId)], [(baseline.Subject, baseline.IsUnread, baseline.FirstUnreadMessageId)], "thread header");
    }

    [Benchmark]
    public Task<ThreadPage> Library() => InNewScopeAsync(ReadAsync);

    /// <summary>The same call in a request whose context is already open.</summary>
    [Benchmark]
    public Task<ThreadPage> LibraryOnOpenContext() => InOpenScopeAsync(ReadAsync);

    private async Task<ThreadPage> ReadAsync(IUserMessagesService messages)
        => (await messages.GetThreadAsync(Db.Ids.User1, Db.Ids.FirstThreadId, PageRequest.Newest)).Value!;

    [Benchmark(Baseline = true)]
    public async Task<ThreadPage> RawSql()
    {
        var (user, threadId) = (Db.Ids.User1, Db.Ids.FirstThreadId);
        await using var connection = await Db.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(PageSql, new { User = user, Thread = threadId });
        var header = await results.ReadSingleAsync<(bool IsUnread, int State, long? LastReadMessageId, string Subject)>();
        var participants = (await results.ReadAsync<string>()).ToList();
        var found = (await results.ReadAsync<MessageRow>()).ToList();
        var page = found.Take(ThreadPageSize).Reverse().ToList();

        var ids = participants.Concat(page.Select(m => m.SenderId)).Concat(page.Select(m => m.AboutUserId).OfType<string>()).Distinct().ToList();
        var names = (await connection.QueryAsync<(string Id, string UserName)>("SELECT Id, UserName FROM AspNetUsers WHERE Id IN @Ids", new { Ids = ids }))
            .ToDictionary(u => u.Id, u => new MessagingUser(u.Id, u.UserName, u.UserName.Split('@')[0]));
        var items = page.Select(m => new MessageItem(
            m.Id, names[m.SenderId], DateTime.SpecifyKind(m.SentAt, DateTimeKind.Utc), m.Content, (MessageKind)m.Kind, m.AboutUserId is null ? null : names[m.AboutUserId])).ToList();
        var firstUnread = header.IsUnread ? items.FirstOrDefault(m => m.Kind == MessageKind.Text && m.Id > (header.LastReadMessageId ?? 0) && m.Sender.Id != user)?.Id : null;
        var older = found.Count > ThreadPageSize ? $"{items[0].SentAt:O}_{items[0].Id}" : null;
        return new ThreadPage(threadId, header.Subject, header.IsUnread, (ParticipantState)header.State, participants.Select(id => names[id]).ToList(), items, firstUnread, older, null);
    }

    private static string Describe(MessageItem m) => $"{m.Id} {m.Sender.UserName} {m.SentAt:O} {m.Kind} {m.Content}";

    private sealed class MessageRow
    {
        public long Id { get; set; }

        public string SenderId { get; set; } = string.Empty;

        public DateTime SentAt { get; set; }

        public string Content { get; set; } = string.Empty;

        public int Kind { get; set; }

        public string? AboutUserId { get; set; }
    }
}
