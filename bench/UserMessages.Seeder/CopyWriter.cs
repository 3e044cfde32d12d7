using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace UserMessages.Seeding;

/// <summary>
/// Writes rows of one entity type to PostgreSQL with a binary <c>COPY</c> on the context's open connection (in its
/// transaction). The table, its columns and each value's conversion come from the EF model, as in <see cref="TableWriter{T}"/>;
/// a shadow column gets its default value, and a column the database computes (the messages' words) is left to it.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class CopyWriter<T> : IRowWriter<T>
    where T : class
{
    private readonly NpgsqlBinaryImporter importer;
    private readonly Func<T, object?>[] getters;
    private readonly RelationalTypeMapping[] mappings;
    private readonly Action<NpgsqlBinaryImporter, object>[] writers;

    private CopyWriter(NpgsqlBinaryImporter importer, IProperty[] properties, StoreObjectIdentifier table)
    {
        this.importer = importer;
        getters = properties.Select(TableWriter<T>.Getter).ToArray();
        mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        writers = properties.Select(p => Writer(p, table)).ToArray();
    }

    /// <summary>Starts the <c>COPY</c> into <typeparamref name="T"/>'s table.</summary>
    public static async Task<CopyWriter<T>> StartAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = TableWriter<T>.Written(entity, table);
        var sql = db.GetService<ISqlGenerationHelper>();
        var copy = "COPY " + sql.DelimitIdentifier(table.Name, table.Schema)
            + " (" + string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") FROM STDIN (FORMAT BINARY)";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        return new CopyWriter<T>(await connection.BeginBinaryImportAsync(copy, cancellationToken), properties, table);
    }

    public Task AddAsync(T row, CancellationToken cancellationToken)
    {
        // Synchronous writes: the importer buffers, and an await per value would cost more than the copy itself.
        importer.StartRow();
        for (var column = 0; column < getters.Length; column++)
        {
            var value = getters[column](row);
            if (value is null)
            {
                importer.WriteNull();
                continue;
            }

            writers[column](importer, mappings[column].Converter?.ConvertToProvider(value) ?? value);
        }

        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken) => await importer.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => importer.DisposeAsync();

    private static Action<NpgsqlBinaryImporter, object> Writer(IProperty property, StoreObjectIdentifier table)
    {
        var mapping = property.GetRelationalTypeMapping();
        var type = mapping.Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var columnType = property.GetColumnType(table) ?? mapping.StoreType;
        return type switch
        {
            _ when type == typeof(string) => (i, v) => i.Write((string)v, NpgsqlDbType.Text),
            _ when type == typeof(long) => (i, v) => i.Write((long)v, NpgsqlDbType.Bigint),
            _ when type == typeof(int) => (i, v) => i.Write((int)v, NpgsqlDbType.Integer),
            _ when type == typeof(short) => (i, v) => i.Write((short)v, NpgsqlDbType.Smallint),
            _ when type == typeof(bool) => (i, v) => i.Write((bool)v, NpgsqlDbType.Boolean),
            _ when type == typeof(Guid) => (i, v) => i.Write((Guid)v, NpgsqlDbType.Uuid),
            _ when type == typeof(DateTimeOffset) => (i, v) => i.Write((DateTimeOffset)v, NpgsqlDbType.TimestampTz),
            _ when type == typeof(DateTime) && columnType.StartsWith("timestamp with time zone", StringComparison.OrdinalIgnoreCase)
                => (i, v) => i.Write((DateTime)v, NpgsqlDbType.TimestampTz),
            _ when type == typeof(DateTime) => (i, v) => i.Write((DateTime)v, NpgsqlDbType.Timestamp),
            _ => throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name}: no COPY writer for {type.Name} ({columnType})."),
        };
    }
}
