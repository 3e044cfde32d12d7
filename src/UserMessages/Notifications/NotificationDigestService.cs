using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserMessages.Notifications;

/// <summary>Polls for due digests while the app runs (registered by <c>AddMessageNotifier&lt;T&gt;()</c>).</summary>
internal sealed partial class NotificationDigestService(
    IServiceScopeFactory scopes, IOptions<UserMessagesOptions> options, TimeProvider clock, ILogger<NotificationDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Notifications.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NotificationDigestJob>().SendDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never the content: only that it failed.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "UserMessages could not send notification digests; it tries again at the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
