using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserMessages.Tests.Infrastructure;

/// <summary>Makes the database fail one kind of statement, to show that a write is all or nothing.</summary>
public sealed class CommandFaultInjector : DbCommandInterceptor
{
    /// <summary>Statements whose text matches fail; <see langword="null"/> lets everything through.</summary>
    public Func<string, bool>? FailWhen { get; set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => Check(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => Check(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Check(command, result));

    private T Check<T>(DbCommand command, T result)
        => FailWhen?.Invoke(command.CommandText) == true
            ? throw new InjectedDatabaseFailureException()
            : result;
}

/// <summary>The failure <see cref="CommandFaultInjector"/> raises.</summary>
public sealed class InjectedDatabaseFailureException() : Exception("The database failed (injected by the test).");
