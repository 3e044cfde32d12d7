using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserMessages.Notifications;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Notifications;

/// <summary>
/// Issue 18 §7: digests are delivered at least once. A failing notifier keeps the queue, is retried with
/// back-off without holding up other recipients, and is given up only after the configured time, logged.
/// </summary>
public sealed class DigestDeliveryTests
{
    [Fact]
    public async Task ANotifierThatFailsOnce_GetsTheSameDigestAgainAfterAMinute()
    {
        var (host, notifier, _) = await StartAsync();
        await using var _h = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob], "Party", "Saturday?");
        notifier.FailNext(bob);
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(0, await host.SendDueDigestsAsync());
        Assert.Equal(1, await host.PendingNotificationCountAsync());
        host.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await host.SendDueDigestsAsync());
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.SendDueDigestsAsync());

        var digest = Assert.Single(notifier.Delivered);
        Assert.Equal(bob, digest.Recipient.Id);
        Assert.Equal(["Saturday?"], digest.Messages.Select(m => m.Content));
        Assert.Equal(2, notifier.Calls(bob));
        Assert.Equal(0, await host.PendingNotificationCountAsync());
    }

    [Fact]
    public async Task OneRecipientsFailingNotifier_DoesNotHoldUpTheOthers()
    {
        var (host, notifier, _) = await StartAsync();
        await using var _h = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        var carol = await host.CreateUserAsync("carol");
        await host.SendAsync(alice, [bob, carol], "Party", "Saturday?");
        notifier.FailAlways(bob);
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(1, await host.SendDueDigestsAsync());

        Assert.Equal([carol], notifier.Delivered.Select(d => d.Recipient.Id));
        Assert.Equal(1, await host.PendingNotificationCountAsync());
    }

    [Fact]
    public async Task ANotifierThatKeepsFailing_IsTriedWithGrowingWaits_ThenGivenUp_WithAnErrorLog()
    {
        var (host, notifier, logs) = await StartAsync(giveUpAfter: TimeSpan.FromHours(6));
        await using var _h = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob], "Party", "Saturday?");
        notifier.FailAlways(bob);

        // Poll every minute for a day, as the background job would (more often changes nothing).
        var waits = new List<TimeSpan>();
        var last = host.Now();
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            var before = notifier.Calls(bob);
            await host.SendDueDigestsAsync();
            if (notifier.Calls(bob) > before)
            {
                waits.Add(host.Now() - last);
                last = host.Now();
            }
        }

        // Every minute until the 15-minute deadline, then waits that double up to an hour, for six hours past it.
        Assert.InRange(notifier.Calls(bob), 10, 40);
        Assert.Contains(TimeSpan.FromMinutes(32), waits);
        Assert.Equal(TimeSpan.FromHours(1), waits.Max());
        Assert.Equal(0, await host.PendingNotificationCountAsync());
        Assert.Empty(notifier.Delivered);
        var gaveUp = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(bob, gaveUp.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Saturday?", string.Join("\n", logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADigestWhoseSenderStoppedMidCall_IsSentOnceTheClaimHasLapsed()
    {
        var (host, notifier, _) = await StartAsync();
        await using var _h = host;
        var alice = await host.CreateUserAsync("alice");
        var bob = await host.CreateUserAsync("bob");
        await host.SendAsync(alice, [bob], "Party", "Saturday?");
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        // The app stops while the notifier runs: the call is cancelled and nothing is deleted.
        using var stopping = new CancellationTokenSource();
        notifier.OnCall = stopping.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.InScopeAsync(sp => sp.GetRequiredService<NotificationDigestJob>().SendDueAsync(host.Now(), stopping.Token)));
        notifier.OnCall = null;

        Assert.Equal(0, await host.SendDueDigestsAsync());
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await host.SendDueDigestsAsync());
        Assert.Equal(["Saturday?"], Assert.Single(notifier.Delivered).Messages.Select(m => m.Content));
    }

    private static async Task<(MessagingHost Host, FlakyNotifier Notifier, CapturingLoggerProvider Logs)> StartAsync(TimeSpan? giveUpAfter = null)
    {
        var notifier = new FlakyNotifier();
        var host = await MessagingHost.StartAsync(MessagingHost.CreateBuilder()
            .CaptureLogs()
            .ConfigureOptions(o =>
            {
                o.Notifications.QuietPeriod = TimeSpan.FromMinutes(2);
                o.Notifications.MaxDelay = TimeSpan.FromMinutes(15);
                o.Notifications.GiveUpAfter = giveUpAfter ?? TimeSpan.FromDays(1);
            })
            .ConfigureServices(services => services.AddSingleton(notifier))
            .ConfigureMessaging(builder => builder.AddMessageNotifier<FlakyNotifier.Registered>()));
        return (host, notifier, host.Logs);
    }

    /// <summary>A notifier that fails for the recipients it is told to, as an SMTP server might.</summary>
    public sealed class FlakyNotifier
    {
        private readonly ConcurrentQueue<MessageDigest> delivered = new();
        private readonly ConcurrentDictionary<string, int> calls = new();
        private readonly ConcurrentDictionary<string, int> failures = new();

        public IReadOnlyList<MessageDigest> Delivered => delivered.ToList();

        public Action? OnCall { get; set; }

        public int Calls(string recipientId) => calls.GetValueOrDefault(recipientId);

        public void FailNext(string recipientId) => failures[recipientId] = 1;

        public void FailAlways(string recipientId) => failures[recipientId] = int.MaxValue;

        private Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken)
        {
            var recipient = digest.Recipient.Id;
            calls.AddOrUpdate(recipient, 1, (_, n) => n + 1);
            OnCall?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            if (failures.TryGetValue(recipient, out var left) && left > 0)
            {
                failures[recipient] = left == int.MaxValue ? left : left - 1;
                throw new IOException("The mail server is not answering.");
            }

            delivered.Enqueue(digest);
            return Task.CompletedTask;
        }

        /// <summary>The notifier as registered with AddMessageNotifier&lt;T&gt;().</summary>
        public sealed class Registered(FlakyNotifier notifier) : IMessageNotifier
        {
            public Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken) => notifier.NotifyAsync(digest, cancellationToken);
        }
    }
}
