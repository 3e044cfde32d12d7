using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>Records every SQL statement the app's <c>SampleDbContext</c> sends, so a test can count them per request.</summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    private ConcurrentQueue<string> statements = new();

    /// <summary>Runs <paramref name="request"/> and returns the statements sent meanwhile (requests of one test run one at a time).</summary>
    public async Task<IReadOnlyList<string>> MeasureAsync(Func<Task> request)
    {
        Interlocked.Exchange(ref statements, new ConcurrentQueue<string>());
        await request();
        return Interlocked.Exchange(ref statements, new ConcurrentQueue<string>()).ToList();
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
        Volatile.Read(ref statements).Enqueue(command.CommandText);
        return result;
    }
}
