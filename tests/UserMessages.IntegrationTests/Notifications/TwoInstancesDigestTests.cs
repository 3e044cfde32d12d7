using System.Collections.Concurrent;
using UserMessages.IntegrationTests.Api;
using UserMessages.IntegrationTests.Infrastructure;
using UserMessages.Notifications;

namespace UserMessages.IntegrationTests.Notifications;

/// <summary>
/// Issue 18 §7: two app instances polling one queue at the same moment (on PostgreSQL really at once)
/// send every digest exactly once.
/// </summary>
public sealed class TwoInstancesDigestTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private readonly SlowNotifier notifier = new();
    private MessagesFactory a = null!;
    private MessagesFactory b = null!;

    [Fact]
    public async Task TwoInstancesPollingAtOnce_SendEachDigestOnce_AndLeaveNothingQueued()
    {
        var alice = await a.CreateUserAsync("alice@example.com");
        var people = new List<TestUser>();
        for (var i = 0; i < 12; i++)
        {
            var user = await a.CreateUserAsync($"reader{i}@example.com");
            b.UserNames.Add(user);
            people.Add(user);
        }

        using var aliceOnA = a.CreateBrowser(alice);
        await aliceOnA.UseAntiforgeryAsync();
        foreach (var person in people)
        {
            await aliceOnA.ApiStartThreadAsync(person.UserName, "News", $"Hello {person.UserName}");
        }

        var later = DateTime.UtcNow.AddHours(1);
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { RunJobAsync(a, later), RunJobAsync(b, later) }));

        Assert.Equal(people.Count, sent.Sum());
        Assert.Equal(people.Select(p => p.Id).Order(), notifier.Recipients.Order());
        Assert.Equal(0, await a.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PendingNotifications)));
    }

    public async Task InitializeAsync()
    {
        void Notify(IServiceCollection services)
        {
            services.AddSingleton(notifier);
            services.AddScoped<IMessageNotifier>(sp => sp.GetRequiredService<SlowNotifier>());
            services.Configure<UserMessagesOptions>(o => o.Limits.MessagesPerMinute = 100);
        }

        a = new MessagesFactory(configureServices: Notify, sharedDatabase: database);
        b = new MessagesFactory(configureServices: Notify, sharedDatabase: database);
        await a.CreateUserAsync("first@example.com");
        _ = b.Services;
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        database.Dispose();
    }

    private static async Task<int> RunJobAsync(MessagesFactory app, DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDigestJob>().SendDueAsync(now, CancellationToken.None);
    }

    /// <summary>A notifier that takes its time, so both instances are in the middle of sending at once.</summary>
    private sealed class SlowNotifier : IMessageNotifier
    {
        private readonly ConcurrentQueue<string> recipients = new();

        public IReadOnlyList<string> Recipients => recipients.ToList();

        public async Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken)
        {
            await Task.Delay(50, cancellationToken);
            recipients.Enqueue(digest.Recipient.Id);
        }
    }
}
