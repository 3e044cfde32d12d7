using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserMessages.Retention;

/// <summary>The background purge of <see cref="UserMessagesRetentionOptions"/>: does nothing unless enabled.</summary>
internal sealed partial class ThreadRetentionService(
    IServiceScopeFactory scopes, IOptions<UserMessagesOptions> options, TimeProvider clock, ILogger<ThreadRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        if (!retention.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(retention.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ThreadPurge>()
                    .PurgeAsync(clock.GetUtcNow().UtcDateTime - retention.PurgeAfter, stoppingToken);
                LogPurged(logger, purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "UserMessages retention purged {Count} threads everyone had deleted or left.")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "UserMessages retention purge failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
