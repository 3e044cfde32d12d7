using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Notifications;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Notifications;

/// <summary>Every digest handed to the notifier, kept for the test (one log per host).</summary>
public sealed class DigestLog
{
    private readonly ConcurrentQueue<MessageDigest> digests = new();

    public IReadOnlyList<MessageDigest> Digests => digests.ToList();

    public void Add(MessageDigest digest) => digests.Enqueue(digest);

    public IReadOnlyList<MessageDigest> For(string recipientId) => Digests.Where(d => d.Recipient.Id == recipientId).ToList();
}

/// <summary>A notifier as a host would write one, registered with AddMessageNotifier&lt;T&gt;(); it only records.</summary>
public sealed class RecordingNotifier(DigestLog log) : IMessageNotifier
{
    public Task NotifyAsync(MessageDigest digest, CancellationToken cancellationToken)
    {
        log.Add(digest);
        return Task.CompletedTask;
    }

    /// <summary>A host with this notifier registered, a two-minute quiet period and the given maximum delay.</summary>
    public static async Task<(MessagingHost Host, DigestLog Log)> StartHostAsync(TimeSpan? maxDelay = null)
    {
        var log = new DigestLog();
        var host = await MessagingHost.StartAsync(
            o =>
            {
                o.Notifications.QuietPeriod = TimeSpan.FromMinutes(2);
                o.Notifications.MaxDelay = maxDelay ?? TimeSpan.FromMinutes(15);
            },
            services => services.AddSingleton(log),
            builder => builder.AddMessageNotifier<RecordingNotifier>());
        return (host, log);
    }
}
