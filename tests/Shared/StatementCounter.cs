using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserMessages.Tests.Shared;

/// <summary>
/// Records every SQL statement EF Core sends (its text and parameters) and counts the opens of the
/// connection, so a test counts the statements of a step instead of timing it.
/// </summary>
public sealed class StatementCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private ConcurrentQueue<RecordedCommand> commands = new();
    private int opens;

    /// <summary>How many statements were sent since the start or the last <see cref="Reset"/>.</summary>
    public int Count => Volatile.Read(ref commands).Count;

    /// <summary>The statements sent since the start or the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<RecordedCommand> Commands => Volatile.Read(ref commands).ToList();

    /// <summary>How many times the connection was opened during the last <see cref="MeasureAsync"/>.</summary>
    public int LastOpens { get; private set; }

    /// <summary>Forgets the statements sent so far.</summary>
    public void Reset() => Interlocked.Exchange(ref commands, new ConcurrentQueue<RecordedCommand>());

    /// <summary>Runs <paramref name="request"/> and returns the statements sent meanwhile (requests of one test run one at a time).</summary>
    public async Task<IReadOnlyList<string>> MeasureAsync(Func<Task> request)
    {
        Reset();
        Interlocked.Exchange(ref opens, 0);
        await request();
        LastOpens = Interlocked.Exchange(ref opens, 0);
        return Interlocked.Exchange(ref commands, new ConcurrentQueue<RecordedCommand>()).Select(c => c.Text).ToList();
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref opens);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref opens);
        return Task.CompletedTask;
    }

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
        Volatile.Read(ref commands).Enqueue(new RecordedCommand(command.CommandText, parameters));
        return result;
    }
}

/// <summary>One statement sent: its text and parameters.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<RecordedParameter> Parameters);

/// <summary>One parameter of a statement sent.</summary>
public sealed record RecordedParameter(string Name, object? Value, System.Data.DbType DbType);
