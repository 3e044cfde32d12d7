using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Store;

/// <summary>
/// Runs a statement the package wrote once per model on a context's connection, through EF Core's command
/// pipeline (its logging, interceptors, command timeout and current transaction apply).
/// </summary>
internal static class StatementRunner
{
    /// <summary>Runs <paramref name="template"/> with <paramref name="values"/> and reads its rows with <paramref name="read"/>.</summary>
    public static async Task<T> ReadAsync<T>(
        DbContext context,
        IRelationalCommandTemplate template,
        IReadOnlyDictionary<string, object?> values,
        Func<RelationalDataReader, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        // A command keeps its reader for reuse, so each run rents one of the connection's own.
        var connection = context.GetService<IRelationalConnection>();
        var command = connection.RentCommand();
        command.PopulateFrom(template);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(Parameters(context, connection, values, CommandSource.FromSqlQuery), cancellationToken);
            return await read(reader, cancellationToken);
        }
        finally
        {
            connection.ReturnCommand(command);
        }
    }

    /// <summary>Runs <paramref name="template"/> (statements that read nothing back) with <paramref name="values"/>.</summary>
    public static async Task ExecuteAsync(DbContext context, IRelationalCommandTemplate template, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var connection = context.GetService<IRelationalConnection>();
        var command = connection.RentCommand();
        command.PopulateFrom(template);
        try
        {
            await command.ExecuteNonQueryAsync(Parameters(context, connection, values, CommandSource.ExecuteSqlRaw), cancellationToken);
        }
        finally
        {
            connection.ReturnCommand(command);
        }
    }

    private static RelationalCommandParameterObject Parameters(DbContext context, IRelationalConnection connection, IReadOnlyDictionary<string, object?> values, CommandSource source)
        => new(connection, values, null, context, context.GetService<IRelationalCommandDiagnosticsLogger>(), source);
}
