using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserMessages.Store;

/// <summary>
/// Chooses the store once per EF Core model: the SQL store where <see cref="SqlStoreSupport"/> allows it
/// and the host did not turn it off (<see cref="Storage.UserMessagesStoreOptions.UseProviderSql"/>), else
/// the portable store; the choice and its reason are logged once.
/// </summary>
internal static partial class MessageStoreChoice
{
    private static readonly ConditionalWeakTable<IModel, ModelChoice> PerModel = [];

    /// <summary>The store for a scope of the host's app.</summary>
    public static IMessageStore Create(IServiceProvider services)
    {
        var db = services.GetRequiredService<UserMessagesDb>();
        var options = services.GetRequiredService<IOptions<UserMessagesOptions>>().Value.Store;
        var versions = services.GetRequiredService<PageVersions>();
        return Statements(db.Context, options.UseProviderSql, services.GetRequiredService<ILoggerFactory>()) is { } statements
            ? new SqlMessageStore(db, statements, options.TextSearchConfiguration) { Versions = versions }
            : new MessageStore(db) { Versions = versions };
    }

    /// <summary>The SQL store's statements for <paramref name="context"/>'s model, or null where the portable store serves it.</summary>
    public static SqlStatements? Statements(DbContext context, bool useProviderSql, ILoggerFactory loggers)
    {
        var choice = PerModel.GetValue(context.Model, _ => new ModelChoice(SqlStoreSupport.WhyNot(context)));
        if (choice.LogOnce(useProviderSql))
        {
            Log(loggers.CreateLogger("UserMessages.Store"), context, choice.WhyNotSql, useProviderSql);
        }

        return useProviderSql && choice.WhyNotSql is null ? choice.SqlStatements(context) : null;
    }

    private static void Log(ILogger logger, DbContext context, string? whyNotSql, bool useProviderSql)
    {
        var contextName = context.GetType().Name;
        if (!useProviderSql)
        {
            LogPortableByChoice(logger, contextName);
        }
        else if (whyNotSql is null)
        {
            LogSql(logger, contextName, context.Database.ProviderName);
        }
        else if (context.Database.ProviderName is DatabaseProviders.Sqlite or DatabaseProviders.Postgres)
        {
            LogPortableBecauseCustomized(logger, contextName, whyNotSql);
        }
        else
        {
            LogPortable(logger, contextName, whyNotSql);
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "UserMessages reads and writes {Context} with SQL of its own for {Provider}.")]
    private static partial void LogSql(ILogger logger, string context, string? provider);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "UserMessages uses its portable EF Core store for {Context}: {Reason}.")]
    private static partial void LogPortable(ILogger logger, string context, string reason);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "UserMessages uses its portable EF Core store for {Context}, not its faster SQL: {Reason}. Messaging works the same; its pages take more statements.")]
    private static partial void LogPortableBecauseCustomized(ILogger logger, string context, string reason);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "UserMessages uses its portable EF Core store for {Context}: UserMessagesStoreOptions.UseProviderSql is false.")]
    private static partial void LogPortableByChoice(ILogger logger, string context);

    /// <summary>What one model allows, its statements once written, and which choices were logged.</summary>
    private sealed class ModelChoice(string? whyNotSql)
    {
        private SqlStatements? statements;
        private int logged;

        public string? WhyNotSql { get; } = whyNotSql;

        public SqlStatements SqlStatements(DbContext context)
            => statements ?? Interlocked.CompareExchange(ref statements, new SqlStatements(context), null) ?? statements;

        /// <summary>True the first time for each value of the host's option.</summary>
        public bool LogOnce(bool useProviderSql)
        {
            var bit = useProviderSql ? 1 : 2;
            return (Interlocked.Or(ref logged, bit) & bit) == 0;
        }
    }
}
