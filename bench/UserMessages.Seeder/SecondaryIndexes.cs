using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Seeding;

/// <summary>
/// On PostgreSQL, the indexes (other than primary keys) and foreign keys of some tables, as the migration created them:
/// dropped before a bulk load and created again after it from the definitions the database itself gives
/// (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>), so the schema ends as it began. Building an index once
/// is far faster than keeping it up to date row by row, and a foreign key is checked by one join instead of a trigger per row.
/// </summary>
internal sealed class SecondaryIndexes
{
    private readonly List<string> create = [];
    private readonly List<string> drop = [];

    private SecondaryIndexes()
    {
    }

    /// <summary>Index and constraint names of the tables, for the report.</summary>
    public List<string> Names { get; } = [];

    /// <summary>Reads the definitions of the tables of <paramref name="entityTypes"/>.</summary>
    public static async Task<SecondaryIndexes> ReadAsync(DbContext db, IEnumerable<Type> entityTypes, CancellationToken cancellationToken)
    {
        var result = new SecondaryIndexes();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        foreach (var type in entityTypes)
        {
            var entity = db.Model.FindEntityType(type)!;
            var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

            // Foreign keys first: they are dropped first and added last (after the indexes they may use).
            await ReadAsync(connection, db, """
                SELECT conname, 'ALTER TABLE ' || @table || ' ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE conrelid = @table::regclass AND contype = 'f' ORDER BY conname
                """, table, (name, definition) =>
            {
                result.drop.Add($"ALTER TABLE {table} DROP CONSTRAINT {sql.DelimitIdentifier(name)}");
                result.create.Add(definition);
                result.Names.Add(name);
            }, cancellationToken);
            await ReadAsync(connection, db, """
                SELECT i.relname, pg_get_indexdef(i.oid)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = @table::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                ORDER BY i.relname
                """, table, (name, definition) =>
            {
                result.drop.Add($"DROP INDEX {sql.DelimitIdentifier(name, entity.GetSchema())}");
                result.create.Insert(0, definition);
                result.Names.Add(name);
            }, cancellationToken);
        }

        return result;
    }

    public async Task DropAsync(DbContext db, CancellationToken cancellationToken)
    {
        foreach (var statement in drop)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }

    /// <summary>Creates the indexes, then the foreign keys, exactly as they were.</summary>
    public async Task CreateAsync(DbContext db, Action<string, TimeSpan> report, CancellationToken cancellationToken)
    {
        foreach (var statement in create)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            report(statement, watch.Elapsed);
        }
    }

    private static async Task ReadAsync(DbConnection connection, DbContext db, string query, string table, Action<string, string> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = query;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader.GetString(0), reader.GetString(1));
        }
    }
}
