using Microsoft.EntityFrameworkCore;
using UserMessages.Domain;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Retention;

/// <summary>Issue 3 §10: a thread everyone deleted or left before the cut-off is purged for good; any other is kept.</summary>
public sealed class ThreadPurgeTests
{
    [Fact]
    public async Task ThreadEveryoneDeletedBeforeTheCutoff_IsPurged_WithItsMessagesAndParticipantRows()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var gone = await host.SendAsync(alice, [bob], "Gone");
        await host.ReplyAsync(bob, gone.ThreadId);
        var kept = await host.SendAsync(alice, [bob], "Kept");
        await host.ApplyAsync(alice, ThreadAction.Delete, gone.ThreadId);
        await host.ApplyAsync(bob, ThreadAction.Delete, gone.ThreadId);
        host.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(1, await host.PurgeAsync(host.Now() - TimeSpan.FromDays(30)));

        Assert.Equal(new RowCounts(0, 0, 0), await CountsOfAsync(host, gone.ThreadId));
        Assert.Equal(new RowCounts(1, 1, 2), await CountsOfAsync(host, kept.ThreadId));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Trash));
    }

    [Fact]
    public async Task ThreadOneLeftAndTheOtherDeleted_IsPurged()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.LeaveThreadAsync(alice, sent.ThreadId));
        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, sent.ThreadId));
        host.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(1, await host.PurgeAsync(host.Now() - TimeSpan.FromDays(30)));
        Assert.Equal(new RowCounts(0, 0, 0), await host.RowCountsAsync());
    }

    [Theory]
    [InlineData(ParticipantState.Active)]
    [InlineData(ParticipantState.Archived)]
    public async Task ThreadSomeoneStillKeepsInTheirInboxOrArchive_IsKept(ParticipantState bobKeepsItIn)
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, sent.ThreadId));
        if (bobKeepsItIn == ParticipantState.Archived)
        {
            await host.WithServiceAsync(s => s.ArchiveThreadAsync(bob, sent.ThreadId));
        }

        host.Clock.Advance(TimeSpan.FromDays(90));

        Assert.Equal(0, await host.PurgeAsync(host.Now() - TimeSpan.FromDays(30)));
        Assert.Equal(new RowCounts(1, 1, 2), await host.RowCountsAsync());
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(alice, MailboxFolder.Trash));
    }

    [Fact]
    public async Task ThreadTheLastParticipantDeletedAfterTheCutoff_IsKeptUntilThatDeletionIsOldEnough()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.WithServiceAsync(s => s.DeleteThreadAsync(alice, sent.ThreadId));
        host.Clock.Advance(TimeSpan.FromDays(20));
        await host.WithServiceAsync(s => s.DeleteThreadAsync(bob, sent.ThreadId));
        host.Clock.Advance(TimeSpan.FromDays(15));

        Assert.Equal(0, await host.PurgeAsync(host.Now() - TimeSpan.FromDays(30)));
        Assert.Equal([sent.ThreadId], await host.FolderThreadIdsAsync(bob, MailboxFolder.Trash));

        host.Clock.Advance(TimeSpan.FromDays(16));
        Assert.Equal(1, await host.PurgeAsync(host.Now() - TimeSpan.FromDays(30)));
        Assert.Empty(await host.FolderThreadIdsAsync(bob, MailboxFolder.Trash));
    }

    private static Task<RowCounts> CountsOfAsync(MessagingHost host, long threadId)
        => host.WithDbAsync(async db => new RowCounts(
            await db.MessageThreads.CountAsync(t => t.Id == threadId),
            await db.Messages.CountAsync(m => m.ThreadId == threadId),
            await db.ThreadParticipants.CountAsync(p => p.ThreadId == threadId)));
}
