using UserMessages.Domain;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.1, §3.2 and §3.8: a send or reply is one transaction; when the database fails half-way, nothing is half-saved.</summary>
public sealed class AtomicWriteTests
{
    [Fact]
    public async Task StartThread_WhenTheDatabaseFailsHalfWay_SavesNothing()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");

        // The thread's latest-message id is written after the inserts: fail that update.
        host.Faults.FailWhen = sql => sql.Contains("UPDATE \"UserMessagesThreads\"", StringComparison.Ordinal)
            || sql.Contains("UPDATE \"UserMessagesParticipants\"", StringComparison.Ordinal);
        await AssertFailsWithInjectedFaultAsync(() => host.SendAsync(alice, [bob]));
        host.Faults.FailWhen = null;

        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Inbox));
    }

    [Fact]
    public async Task Reply_WhenTheDatabaseFailsHalfWay_SavesNothingAndChangesNoState()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, sent.ThreadId));
        var before = await host.RowCountsAsync();

        // The message is inserted first; the participants' state is updated last: fail that update.
        host.Faults.FailWhen = sql => sql.Contains("UPDATE \"UserMessagesParticipants\"", StringComparison.Ordinal);
        await AssertFailsWithInjectedFaultAsync(() => host.WithServiceAsync(s => s.ReplyAsync(bob, sent.ThreadId, "Lost?")));
        host.Faults.FailWhen = null;

        Assert.Equal(before, await host.RowCountsAsync());
        Assert.Single((await host.ThreadAsync(alice, sent.ThreadId)).Messages);
        Assert.True((await host.ParticipantAsync(sent.ThreadId, alice)).State == ParticipantState.Deleted);
        Assert.Equal(alice, (await host.FolderAsync(bob, MailboxFolder.Inbox)).Threads[0].LatestSender.Id);
    }

    private static async Task AssertFailsWithInjectedFaultAsync(Func<Task> write)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(write);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is InjectedDatabaseFailureException)
            {
                return;
            }
        }

        Assert.Fail($"The write failed for another reason: {error}");
    }
}
