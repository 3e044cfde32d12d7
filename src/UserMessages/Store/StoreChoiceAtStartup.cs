using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UserMessages.Domain;
using UserMessages.Storage;

namespace UserMessages.Store;

/// <summary>Makes the store's choice when the app starts, so that the line saying which store serves the host's context comes with the app's first lines.</summary>
internal sealed partial class StoreChoiceAtStartup(IServiceScopeFactory scopes, IOptions<UserMessagesOptions> options, ILoggerFactory loggers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var context = scope.ServiceProvider.GetRequiredService<UserMessagesDb>().Context;
            MessageStoreChoice.Statements(context, options.Value.Store.UseProviderSql, loggers);
            WarnWhenTheModelIgnoresTheStoreOptions(context);
        }
        catch (InvalidOperationException e)
        {
            // A context that cannot be made yet (its options read something the host sets up later): the first request chooses.
            LogDeferred(loggers.CreateLogger("UserMessages.Store"), e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A context whose OnModelCreating calls <c>UseUserMessages()</c> without the options keeps the default
    /// table names although the options name others: say so (a model given its own options is left alone).
    /// </summary>
    private void WarnWhenTheModelIgnoresTheStoreOptions(DbContext context)
    {
        var store = options.Value.Store;
        var defaults = new UserMessagesStoreOptions();
        var threads = context.Model.FindEntityType(typeof(MessageThread));
        var configured = store.TablePrefix != defaults.TablePrefix || store.Schema != defaults.Schema;
        if (configured && threads is not null && threads.GetTableName() == defaults.TablePrefix + "Threads" && threads.GetSchema() == defaults.Schema)
        {
            var expected = store.TablePrefix + "Threads";
            LogStoreOptionsIgnored(loggers.CreateLogger("UserMessages.Store"), context.GetType().Name, threads.GetSchemaQualifiedTableName() ?? "", store.Schema is null ? expected : $"{store.Schema}.{expected}");
        }
    }

    [LoggerMessage(EventId = 35, Level = LogLevel.Warning, Message = "{Context}'s model keeps the UserMessages tables under their default names ({Actual}), not as UserMessagesOptions.Store says ({Expected}): " +
        "its OnModelCreating calls modelBuilder.UseUserMessages() without them. Call modelBuilder.UseUserMessages(this) there, then add a migration.")]
    private static partial void LogStoreOptionsIgnored(ILogger logger, string context, string actual, string expected);

    [LoggerMessage(EventId = 34, Level = LogLevel.Debug, Message = "UserMessages chooses its store at the first request: the host's context could not be made at start-up.")]
    private static partial void LogDeferred(ILogger logger, Exception exception);
}
