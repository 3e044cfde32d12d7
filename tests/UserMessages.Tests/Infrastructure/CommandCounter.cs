using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserMessages.Tests.Infrastructure;

/// <summary>Counts the SQL statements EF Core executes (and keeps their text and parameters), so speed is counted, not timed.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedCommand> commands = new();

    public int Count => commands.Count;

    public IReadOnlyList<RecordedCommand> Commands => commands.ToList();

    public void Reset() => commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        => Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new RecordedParameter(p.ParameterName, p.Value, p.DbType))
            .ToList();
        commands.Enqueue(new RecordedCommand(command.CommandText, parameters));
        return result;
    }
}

/// <summary>One executed statement.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<RecordedParameter> Parameters);

/// <summary>One parameter of an executed statement.</summary>
public sealed record RecordedParameter(string Name, object? Value, System.Data.DbType DbType);
