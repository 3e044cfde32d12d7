using UserMessages.Domain;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Notifications;

/// <summary>Issue 3 §8: the per-user switch, the notifier seam being optional, and the cap on postponement.</summary>
public sealed class DigestSettingsTests
{
    [Fact]
    public async Task UserWhoTurnedNotificationsOff_GetsNothing_AndNothingIsQueuedForThem()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.WithServiceAsync(async s => { await s.SetPreferencesAsync(new MessagingPreferences { UserId = bob, NotifyByEmail = false }); return 0; });

        var sent = await host.SendAsync(alice, [bob]);
        await host.ReplyAsync(alice, sent.ThreadId);

        Assert.Equal(0, await host.PendingNotificationCountAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();
        Assert.Empty(log.Digests);
        Assert.False((await host.WithServiceAsync(s => s.GetPreferencesAsync(bob))).NotifyByEmail);
    }

    [Fact]
    public async Task TurningNotificationsOff_DropsWhatWasQueued_AndTurningThemOnAgainNotifiesOnlyNewMessages()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync();
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob], "Hi", "queued before off");

        await host.WithServiceAsync(async s => { await s.SetPreferencesAsync(new MessagingPreferences { UserId = bob, NotifyByEmail = false }); return 0; });
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();
        Assert.Empty(log.Digests);

        await host.WithServiceAsync(async s => { await s.SetPreferencesAsync(new MessagingPreferences { UserId = bob, NotifyByEmail = true }); return 0; });
        await host.ReplyAsync(alice, sent.ThreadId, "after on");
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();

        Assert.Equal(["after on"], Assert.Single(log.Digests).Messages.Select(m => m.Content));
    }

    [Fact]
    public async Task WithoutANotifier_NothingIsQueued()
    {
        await using var host = await MessagingHost.StartAsync();
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(alice, [bob]);
        await host.ReplyAsync(bob, sent.ThreadId);
        await host.ReplyAsync(alice, sent.ThreadId);

        Assert.Equal(0, await host.PendingNotificationCountAsync());
    }

    [Fact]
    public async Task SteadyChatter_StillYieldsADigestAfterMaxDelay_WithEverythingQueuedSoFar()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync(maxDelay: TimeSpan.FromMinutes(10));
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(bob, [alice]);
        var minuteOfFirstDigest = -1;
        for (var minute = 0; minute <= 12 && minuteOfFirstDigest < 0; minute++)
        {
            await host.ReplyAsync(alice, sent.ThreadId, $"minute {minute}");
            await host.SendDueDigestsAsync();
            minuteOfFirstDigest = log.Digests.Count > 0 ? minute : -1;
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(10, minuteOfFirstDigest);
        var digest = Assert.Single(log.For(bob));
        Assert.Equal(Enumerable.Range(0, 11).Select(m => $"minute {m}"), digest.Messages.Select(m => m.Content));
    }

    [Fact]
    public async Task SteadyChatter_AfterTheFirstDigest_IsNotOneMailPerMessage()
    {
        var (host, log) = await RecordingNotifier.StartHostAsync(maxDelay: TimeSpan.FromMinutes(10));
        await using var _ = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var sent = await host.SendAsync(bob, [alice]);
        for (var minute = 0; minute < 30; minute++)
        {
            await host.ReplyAsync(alice, sent.ThreadId, $"minute {minute}");
            await host.SendDueDigestsAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.SendDueDigestsAsync();

        var digests = log.For(bob);
        Assert.Equal(30, digests.Sum(d => d.Messages.Count));
        Assert.InRange(digests.Count, 3, 4);
    }
}
