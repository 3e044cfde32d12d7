using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// Records every SQL statement the app's <c>SampleDbContext</c> sends, and counts the opens of its
/// connection, so a test can count them per request.
/// </summary>
public sealed class StatementCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    private ConcurrentQueue<string> statements = new();
    private int opens;

    /// <summary>How many times the connection was opened during the last <see cref="MeasureAsync"/>.</summary>
    public int LastOpens { get; private set; }

    /// <summary>Runs <paramref name="request"/> and returns the statements sent meanwhile (requests of one test run one at a time).</summary>
    public async Task<IReadOnlyList<string>> MeasureAsync(Func<Task> request)
    {
        Interlocked.Exchange(ref statements, new ConcurrentQueue<string>());
        Interlocked.Exchange(ref opens, 0);
        await request();
        LastOpens = Interlocked.Exchange(ref opens, 0);
        return Interlocked.Exchange(ref statements, new ConcurrentQueue<string>()).ToList();
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
        Volatile.Read(ref statements).Enqueue(command.CommandText);
        return result;
    }
}
