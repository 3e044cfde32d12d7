using Microsoft.Data.Sqlite;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;
using UserMessages.Tests.Notifications;

namespace UserMessages.Tests.Speed;

/// <summary>SPEC §6: the indexes match the queries. The captured SQL is run through SQLite's EXPLAIN QUERY PLAN.</summary>
public sealed class QueryPlanTests
{
    private const string TempSort = "USE TEMP B-TREE";

    [Fact]
    public async Task InboxFirstPage_ReadsTheFolderIndex_InIndexOrder()
    {
        await using var host = await MessagingHost.StartAsync();
        var (_, bob) = await SeedAsync(host);

        var plan = await PlanOfAsync(host, s => s.GetFolderAsync(bob, MailboxFolder.Inbox, PageRequest.Newest), "UserMessagesParticipants");

        AssertParticipantsScanUsesIndexWithoutSorting(plan, "IX_UserMessagesParticipants_Folder");
    }

    [Fact]
    public async Task InboxOlderPage_ReadsTheFolderIndex_InIndexOrder()
    {
        await using var host = await MessagingHost.StartAsync();
        var (_, bob) = await SeedAsync(host);
        var first = await host.FolderAsync(bob, MailboxFolder.Inbox);

        var plan = await PlanOfAsync(host, s => s.GetFolderAsync(bob, MailboxFolder.Inbox, new PageRequest(Before: first.OlderCursor)), "UserMessagesParticipants");

        AssertParticipantsScanUsesIndexWithoutSorting(plan, "IX_UserMessagesParticipants_Folder");
    }

    [Fact]
    public async Task SentFolder_ReadsTheSentIndex_InIndexOrder()
    {
        await using var host = await MessagingHost.StartAsync();
        var (alice, _) = await SeedAsync(host);

        var plan = await PlanOfAsync(host, s => s.GetFolderAsync(alice, MailboxFolder.Sent, PageRequest.Newest), "UserMessagesParticipants");

        AssertParticipantsScanUsesIndexWithoutSorting(plan, "IX_UserMessagesParticipants_Sent");
    }

    [Fact]
    public async Task UnreadCount_IsOneKeyLookupOfTheCounter_NotACountOfUnreadRows()
    {
        await using var host = await MessagingHost.StartAsync();
        var (_, bob) = await SeedAsync(host);

        host.Statements.Reset();
        Assert.Equal(60, await host.WithServiceAsync(s => s.CountUnreadAsync(bob)));
        Assert.DoesNotContain(host.Statements.Commands, c => c.Text.Contains("UserMessagesParticipants", StringComparison.Ordinal));
        var plan = await PlanOfAsync(host, s => s.CountUnreadAsync(bob), "UserMessagesMailboxCounters");

        var text = string.Join(Environment.NewLine, plan.Select(r => r.Detail));
        Assert.True(plan.Count == 1 && plan[0].Detail.Contains("USING INDEX sqlite_autoindex_UserMessagesMailboxCounters_1 (UserId=?)", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task NewMessage_FindsTheRecipientsWaitingNotification_ByIndex_NotByReadingTheirWholeQueue()
    {
        var (host, _) = await RecordingNotifier.StartHostAsync();
        await using var owned = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], "Queue", "First");
        for (var i = 0; i < 30; i++)
        {
            await host.ReplyAsync(alice, sent.ThreadId, $"Reply {i}");
        }

        var plan = await PlanOfAsync(host, s => s.ReplyAsync(alice, sent.ThreadId, "One more"), "UserMessagesPendingNotifications");

        // The recipients come from the thread's participant rows (a subquery); the queue is searched by index, never scanned.
        var text = string.Join(Environment.NewLine, plan.Select(r => r.Detail));
        var queue = plan.Where(r => r.Detail.Contains("UserMessagesPendingNotifications", StringComparison.Ordinal)).ToList();
        Assert.True(
            queue.Count == 1 && queue[0].Detail.StartsWith("SEARCH UserMessagesPendingNotifications USING ", StringComparison.Ordinal)
                && queue[0].Detail.EndsWith("INDEX IX_UserMessagesPendingNotifications_AwaitsQuiet (RecipientId=? AND AwaitsQuiet=?)", StringComparison.Ordinal),
            text);
    }

    private static async Task<(string Alice, string Bob)> SeedAsync(MessagingHost host)
    {
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SeedThreadsAsync(alice, bob, 60);
        return (alice, bob);
    }

    /// <summary>Fails unless the row that reads the participants uses <paramref name="index"/> and nothing at its level sorts (e.g. "USE TEMP B-TREE FOR ORDER BY").</summary>
    private static void AssertParticipantsScanUsesIndexWithoutSorting(IReadOnlyList<PlanRow> plan, string index)
    {
        var text = string.Join(Environment.NewLine, plan.Select(r => $"{r.Id} {r.Parent} {r.Detail}"));
        var scan = plan.FirstOrDefault(r => r.Detail.Contains(index, StringComparison.Ordinal));
        Assert.True(scan is not null, $"The plan does not use {index}:{Environment.NewLine}{text}");
        Assert.False(
            plan.Any(r => r.Parent == scan.Parent && r.Detail.StartsWith(TempSort, StringComparison.Ordinal)),
            $"The participants are sorted in a temporary B-tree:{Environment.NewLine}{text}");
    }

    /// <summary>
    /// Runs <paramref name="call"/>, takes the first statement that mentions <paramref name="table"/>
    /// (of a command that may hold several), and asks SQLite how it would run it.
    /// </summary>
    private static async Task<IReadOnlyList<PlanRow>> PlanOfAsync<T>(MessagingHost host, Func<IUserMessagesService, Task<T>> call, string table)
    {
        host.Statements.Reset();
        await host.WithServiceAsync(call);
        var statement = host.Statements.Commands.First(c => c.Text.Contains(table, StringComparison.Ordinal));

        await using var explain = host.Connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement.Text.Split(";\n").First(s => s.Contains(table, StringComparison.Ordinal));
        foreach (var parameter in statement.Parameters)
        {
            explain.Parameters.Add(new SqliteParameter(parameter.Name, parameter.Value ?? DBNull.Value) { DbType = parameter.DbType });
        }

        var rows = new List<PlanRow>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new PlanRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        }

        return rows;
    }

    private sealed record PlanRow(int Id, int Parent, string Detail);
}
