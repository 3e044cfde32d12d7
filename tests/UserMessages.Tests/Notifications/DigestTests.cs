using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Notifications;

/// <summary>Issue 3 §8: a burst of messages is one digest after a quiet period, sent once, never with what was read or one's own words.</summary>
public sealed class DigestTests
{
    [Fact]
    public async Task TwentyRepliesInQuickSuccession_AreOneDigestOfTwenty_OnlyOnceTheQuietPeriodHasPassed()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(bob, [alice], "Party", "Who is coming?");
        for (var i = 0; i < 20; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
            await host.ReplyAsync(alice, sent.ThreadId, $"Reply {i}");
            await host.SendDueDigestsAsync();
        }

        host.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        await host.SendDueDigestsAsync();
        Assert.Empty(log.Digests);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.SendDueDigestsAsync();

        var digest = Assert.Single(log.Digests);
        Assert.Equal(bob, digest.Recipient.Id);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Reply {i}"), digest.Messages.Select(m => m.Content));
        Assert.All(digest.Messages, m => Assert.Equal(alice, m.Sender.Id));
        Assert.All(digest.Messages, m => Assert.Equal("Party", m.Subject));
        Assert.All(digest.Messages, m => Assert.Equal(sent.ThreadId, m.ThreadId));
    }

    [Fact]
    public async Task TheDigest_IsSentOnce_RunningTheJobAgainDoesNotResend()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob]);
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, await host.SendDueDigestsAsync());
        Assert.Equal(0, await host.SendDueDigestsAsync());
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.SendDueDigestsAsync());

        Assert.Single(log.Digests);
        Assert.Equal(0, await host.PendingNotificationCountAsync());
    }

    [Fact]
    public async Task MessagesAlreadyRead_AreLeftOutOfTheDigest()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(bob, [alice], "Plans", "Ideas?");
        await host.ReplyAsync(alice, sent.ThreadId, "read 1");
        await host.ReplyAsync(alice, sent.ThreadId, "read 2");
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));
        await host.ReplyAsync(alice, sent.ThreadId, "new 1");
        await host.ReplyAsync(alice, sent.ThreadId, "new 2");

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();

        Assert.Equal(["new 1", "new 2"], Assert.Single(log.For(bob)).Messages.Select(m => m.Content));
    }

    [Fact]
    public async Task EverythingReadBeforeTheDigest_MeansNoDigestAtAll()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.ReplyAsync(alice, sent.ThreadId);
        await host.WithServiceAsync(s => s.MarkReadAsync(bob, sent.ThreadId));

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();

        Assert.Empty(log.Digests);
    }

    [Fact]
    public async Task TheSender_IsNeverNotifiedOfTheirOwnMessages()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol], "Group", "from alice");
        await host.ReplyAsync(bob, sent.ThreadId, "from bob");

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();

        Assert.All(log.Digests, d => Assert.DoesNotContain(d.Messages, m => m.Sender.Id == d.Recipient.Id));
        Assert.Equal(["from bob"], Assert.Single(log.For(alice)).Messages.Select(m => m.Content));
        Assert.Equal(["from alice", "from bob"], Assert.Single(log.For(carol)).Messages.Select(m => m.Content));
        Assert.Empty(log.For(bob));
    }

    [Fact]
    public async Task LeavingAThread_DropsWhatWasQueuedForTheLeaver()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        var sent = await host.SendAsync(alice, [bob, carol]);
        await host.WithServiceAsync(s => s.LeaveThreadAsync(bob, sent.ThreadId));

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();

        Assert.Empty(log.For(bob));
        Assert.Single(log.For(carol));
    }
}
