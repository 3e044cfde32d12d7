using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Speed;

/// <summary>SPEC §6: a page costs a fixed, small number of SQL statements whatever the size of the mailbox (counted, not timed).</summary>
public sealed class StatementCountTests
{
    [Theory]
    [InlineData(MailboxFolder.Inbox)]
    [InlineData(MailboxFolder.Sent)]
    [InlineData(MailboxFolder.Trash)]
    public async Task FolderPage_CostsTheSameStatementsAt5And500Threads_AtMostTwo(MailboxFolder folder)
    {
        var few = await CountFolderStatementsAsync(threads: 5, folder);
        var many = await CountFolderStatementsAsync(threads: 500, folder);

        Assert.Equal(few, many);
        Assert.InRange(many, 1, 2);
    }

    [Fact]
    public async Task CountUnread_IsExactlyOneStatement_At5And500Threads()
    {
        foreach (var threads in new[] { 5, 500 })
        {
            await using var host = await MessagingHost.StartAsync();
            var alice = await host.CreateUserAsync("alice");
            var bob = await host.CreateUserAsync("bob");
            await host.SeedThreadsAsync(alice, bob, threads);

            var (count, statements) = await CountStatementsAsync(host, s => s.CountUnreadAsync(bob));

            Assert.Equal(threads, count);
            Assert.Equal(1, statements);
        }
    }

    [Fact]
    public async Task ThreadPage_CostsTheSameStatementsAt5And500Messages()
    {
        var few = await CountThreadStatementsAsync(messages: 5);
        var many = await CountThreadStatementsAsync(messages: 500);

        Assert.Equal(few, many);
        Assert.InRange(many, 1, 3);
    }

    [Fact]
    public async Task Reply_CostsTheSameStatementsIn5And500MessageThreads()
    {
        var few = await CountReplyStatementsAsync(messages: 5);
        var many = await CountReplyStatementsAsync(messages: 500);

        Assert.Equal(few, many);
    }

    private static async Task<int> CountFolderStatementsAsync(int threads, MailboxFolder folder)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SeedThreadsAsync(alice, bob, threads);
        var userId = folder == MailboxFolder.Sent ? alice : bob;
        if (folder == MailboxFolder.Trash)
        {
            await host.WithDbAsync(db => db.ThreadParticipants.Where(p => p.UserId == bob).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, ParticipantState.Deleted)));
        }

        var (page, statements) = await CountStatementsAsync(host, s => s.GetFolderAsync(userId, folder, PageRequest.Newest));

        Assert.Equal(Math.Min(threads, 25), page.Value!.Threads.Count);
        Assert.All(page.Value.Threads, t => Assert.NotEmpty(t.LatestSender.UserName));
        return statements;
    }

    private static async Task<int> CountThreadStatementsAsync(int messages)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.SeedMessagesAsync(sent.ThreadId, bob, alice, messages - 1);

        var (page, statements) = await CountStatementsAsync(host, s => s.GetThreadAsync(bob, sent.ThreadId, PageRequest.Newest));

        Assert.Equal(Math.Min(messages, 50), page.Value!.Messages.Count);
        return statements;
    }

    private static async Task<int> CountReplyStatementsAsync(int messages)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.SeedMessagesAsync(sent.ThreadId, bob, alice, messages - 1);

        var (result, statements) = await CountStatementsAsync(host, s => s.ReplyAsync(bob, sent.ThreadId, "One more"));

        Assert.True(result.Succeeded);
        return statements;
    }

    /// <summary>Runs one call on a service resolved beforehand, and counts only the statements of that call.</summary>
    private static async Task<(T Result, int Statements)> CountStatementsAsync<T>(MessagingHost host, Func<IUserMessagesService, Task<T>> call)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<IUserMessagesService>();
        host.Statements.Reset();
        var result = await call(service);
        return (result, host.Statements.Count);
    }
}
