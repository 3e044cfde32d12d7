using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserMessages.Store;

/// <summary>Makes the store's choice when the app starts, so that the line saying which store serves the host's context comes with the app's first lines.</summary>
internal sealed partial class StoreChoiceAtStartup(IServiceScopeFactory scopes, IOptions<UserMessagesOptions> options, ILoggerFactory loggers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            MessageStoreChoice.Statements(scope.ServiceProvider.GetRequiredService<UserMessagesDb>().Context, options.Value.Store.UseProviderSql, loggers);
        }
        catch (InvalidOperationException e)
        {
            // A context that cannot be made yet (its options read something the host sets up later): the first request chooses.
            LogDeferred(loggers.CreateLogger("UserMessages.Store"), e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 34, Level = LogLevel.Debug, Message = "UserMessages chooses its store at the first request: the host's context could not be made at start-up.")]
    private static partial void LogDeferred(ILogger logger, Exception exception);
}
