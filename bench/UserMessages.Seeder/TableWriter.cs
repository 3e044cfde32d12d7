using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Seeding;

/// <summary>
/// Inserts rows of one entity type with batched INSERT statements (one command, built once and run
/// again with new values) on the context's open connection and transaction, bypassing change tracking. The table, its columns and how each value
/// is written (value converters included) come from the EF model, so a table prefix or schema is honoured.
/// A shadow column (bookkeeping the package keeps for itself) gets its default value: bring it up to
/// date afterwards the way the package says (e.g. <c>RebuildUnreadCountersAsync</c>); a column the database
/// computes (the messages' words on PostgreSQL) is left to it.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class TableWriter<T> : IRowWriter<T>
    where T : class
{
    // PostgreSQL allows 65,535 parameters per statement; a round trip per row would be far slower.
    private const int MaxParameters = 30_000;
    private const int MaxRowsPerStatement = 500;

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly string insertInto;
    private readonly RelationalTypeMapping[] mappings;
    private readonly Func<T, object?>[] getters;
    private readonly bool[] nullable;
    private readonly int rowsPerStatement;
    private readonly object?[] pending;
    private int pendingRows;
    private DbCommand? fullBatch;

    public TableWriter(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = Written(entity, table);
        var sql = db.GetService<ISqlGenerationHelper>();
        connection = db.Database.GetDbConnection();
        transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction on the context before writing rows.");

        insertInto = "INSERT INTO " + sql.DelimitIdentifier(table.Name, table.Schema)
            + " (" + string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES ";
        mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        getters = properties.Select(Getter).ToArray();
        nullable = properties.Select(p => p.IsNullable).ToArray();
        // In process, SQLite is fastest one row per statement: Microsoft.Data.Sqlite matches parameters
        // to names one by one, which grows with the square of a statement's parameters.
        rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Min(MaxRowsPerStatement, MaxParameters / properties.Length);
        pending = new object?[rowsPerStatement * properties.Length];
    }

    /// <summary>The properties whose columns a writer fills: those of <paramref name="table"/> the database does not compute.</summary>
    public static IProperty[] Written(IEntityType entity, StoreObjectIdentifier table)
        => entity.GetProperties().Where(p => p.GetColumnName(table) is not null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate).ToArray();

    /// <summary>Copies the values of <paramref name="row"/> (which the caller may reuse at once) and writes a batch when one is full.</summary>
    public async Task AddAsync(T row, CancellationToken cancellationToken)
    {
        var offset = pendingRows * getters.Length;
        for (var column = 0; column < getters.Length; column++)
        {
            var value = getters[column](row);
            pending[offset + column] = value is null ? DBNull.Value : mappings[column].Converter?.ConvertToProvider(value) ?? value;
        }

        if (++pendingRows == rowsPerStatement)
        {
            fullBatch ??= CreateCommand(rowsPerStatement);
            await ExecuteAsync(fullBatch, cancellationToken);
        }
    }

    /// <summary>Writes the rows of the last, partly filled batch.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pendingRows == 0)
        {
            return;
        }

        await using var rest = CreateCommand(pendingRows);
        await ExecuteAsync(rest, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (fullBatch is not null)
        {
            await fullBatch.DisposeAsync();
        }
    }

    internal static Func<T, object?> Getter(IProperty property)
    {
        if (property.PropertyInfo is { } clr)
        {
            return row => clr.GetValue(row);
        }

        var value = property.GetDefaultValue() ?? (property.ClrType.IsValueType ? Activator.CreateInstance(property.ClrType) : null);
        return _ => value;
    }

    private async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < pendingRows * getters.Length; i++)
        {
            parameters[i].Value = pending[i];
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        pendingRows = 0;
    }

    private DbCommand CreateCommand(int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(insertInto);
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < getters.Length; column++)
            {
                var name = "@p" + (row * getters.Length + column).ToString(System.Globalization.CultureInfo.InvariantCulture);
                text.Append(column == 0 ? name : ", " + name);
                command.Parameters.Add(mappings[column].CreateParameter(command, name, null, nullable[column]));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }
}
