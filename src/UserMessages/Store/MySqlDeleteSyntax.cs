using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using UserMessages.Domain;

namespace UserMessages.Store;

/// <summary>
/// MySql.EntityFrameworkCore writes <c>ExecuteDelete</c> as <c>DELETE FROM t AS a …</c>, which MariaDB refuses;
/// this rewrites the deletes of the package's own tables as <c>DELETE a FROM t AS a …</c>, which MySQL and MariaDB both run.
/// </summary>
internal sealed partial class MySqlDeleteSyntax : DbCommandInterceptor
{
    private const string Provider = "MySql.EntityFrameworkCore";

    private static readonly MySqlDeleteSyntax Instance = new();

    private static readonly ConditionalWeakTable<IModel, HashSet<string>> TablesPerModel = [];

    /// <summary>Adds the rewrite to a context's options (once; it leaves other providers' commands alone).</summary>
    public static void Use(DbContextOptionsBuilder optionsBuilder)
    {
        var interceptors = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors;
        if (!optionsBuilder.Options.IsFrozen && (interceptors is null || !interceptors.Contains(Instance)))
        {
            optionsBuilder.AddInterceptors(Instance);
        }
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Rewrite(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Rewrite(DbCommand command, DbContext? context)
    {
        if (context is null || !command.CommandText.StartsWith("DELETE FROM `", StringComparison.Ordinal) || context.Database.ProviderName != Provider)
        {
            return;
        }

        var delete = AliasedDelete().Match(command.CommandText);
        if (delete.Success && PackageTables(context).Contains(delete.Groups["table"].Value))
        {
            var alias = delete.Groups["alias"].Value;
            command.CommandText = $"DELETE {alias} FROM {delete.Groups["table"].Value} AS {alias}{command.CommandText[delete.Length..]}";
        }
    }

    private static HashSet<string> PackageTables(DbContext context)
        => TablesPerModel.GetValue(context.Model, _ =>
        {
            var names = new SqlNames(context);
            return new HashSet<string>(StringComparer.Ordinal)
            {
                names.Table<MessageThread>(), names.Table<Message>(), names.Table<ThreadParticipant>(), names.Table<UserBlock>(),
                names.Table<MessagingPreferences>(), names.Table<PendingNotification>(), names.Table<MailboxCounter>(),
                names.Table<MessageReport>(), names.Table<MessagingSuspension>(), names.Table<ModerationLogEntry>(), names.Table<HeldMessage>(), names.Table<MessageEdit>(), names.Table<MessageAttachment>(),
            };
        });

    [GeneratedRegex("^DELETE FROM (?<table>`[^`]+`(?:\\.`[^`]+`)?) AS (?<alias>`[^`]+`)")]
    private static partial Regex AliasedDelete();
}
