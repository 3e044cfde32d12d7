using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Rules;

/// <summary>SPEC §3.6: a user who is not a participant gets NotFound for every operation on the thread, and nothing changes.</summary>
public sealed class NonParticipantTests
{
    [Fact]
    public Task Reply_ByANonParticipant_IsNotFound_AndChangesNothing()
        => AssertNotFoundAndNothingChanges(async (s, user, thread) => await s.ReplyAsync(user, thread, "Let me in"));

    [Fact]
    public Task Delete_ByANonParticipant_IsNotFound_AndChangesNothing()
        => AssertNotFoundAndNothingChanges((s, user, thread) => s.DeleteThreadAsync(user, thread));

    [Fact]
    public Task Restore_ByANonParticipant_IsNotFound_AndChangesNothing()
        => AssertNotFoundAndNothingChanges((s, user, thread) => s.RestoreThreadAsync(user, thread));

    [Fact]
    public Task MarkRead_ByANonParticipant_IsNotFound_AndChangesNothing()
        => AssertNotFoundAndNothingChanges((s, user, thread) => s.MarkReadAsync(user, thread));

    [Fact]
    public Task GetThread_ByANonParticipant_IsNotFound()
        => AssertNotFoundAndNothingChanges(async (s, user, thread) => await s.GetThreadAsync(user, thread, PageRequest.Newest));

    [Fact]
    public async Task EveryOperationOnAThreadThatDoesNotExist_IsNotFound()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        const long missing = 4242;

        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.ReplyAsync(alice, missing, "Hello?"))).Status);
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, missing))).Status);
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.RestoreThreadAsync(alice, missing))).Status);
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.MarkReadAsync(alice, missing))).Status);
        Assert.Equal(MessagingStatus.NotFound, (await host.WithServiceAsync(s => s.GetThreadAsync(alice, missing, PageRequest.Newest))).Status);
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Fact]
    public async Task NonParticipant_DoesNotSeeTheThreadInAnyFolder()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var mallory = await host.CreateUserAsync("mallory");
        await host.SendAsync(alice, [bob]);

        foreach (var folder in Enum.GetValues<MailboxFolder>())
        {
            Assert.Empty(await host.FolderThreadIdsAsync(mallory, folder));
        }
    }

    private static async Task AssertNotFoundAndNothingChanges(Func<IUserMessagesService, string, long, Task<MessagingResult>> operation)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var mallory = await host.CreateUserAsync("mallory");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, sent.ThreadId));
        var before = await SnapshotAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await host.WithServiceAsync(s => operation(s, mallory, sent.ThreadId));

        Assert.Equal(MessagingStatus.NotFound, result.Status);
        Assert.Empty(result.Errors);
        Assert.Equal(before, await SnapshotAsync(host));
    }

    /// <summary>Every row of the three tables, written out, so any change shows.</summary>
    private static Task<List<string>> SnapshotAsync(MessagingHost host)
        => host.WithDbAsync(async db =>
        {
            var rows = new List<string>();
            rows.AddRange((await db.MessageThreads.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
                .Select(t => $"T {t.Id} {t.Subject} {t.LatestMessageId} {t.LatestMessageAt:O} {t.ConcurrencyStamp}"));
            rows.AddRange((await db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
                .Select(m => $"M {m.Id} {m.ThreadId} {m.SenderId} {m.SentAt:O} {m.Content}"));
            rows.AddRange((await db.ThreadParticipants.AsNoTracking().OrderBy(p => p.ThreadId).ThenBy(p => p.UserId).ToListAsync())
                .Select(p => $"P {p.ThreadId} {p.UserId} {p.IsUnread} {p.State} {p.HasSent} {p.LastReadMessageId} {p.LatestMessageAt:O}"));
            return rows;
        });
}
