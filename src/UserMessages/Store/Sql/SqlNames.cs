using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Store;

/// <summary>
/// Table and column names of the messaging entities as the host's model maps them (its prefix and
/// schema), quoted for its provider: for the few statements written as SQL. Only these names are
/// ever spliced into SQL; values always go as parameters.
/// </summary>
internal sealed class SqlNames(DbContext context)
{
    private readonly ISqlGenerationHelper sql = context.GetService<ISqlGenerationHelper>();

    /// <summary>The table of <typeparamref name="T"/>, schema-qualified when it has a schema.</summary>
    public string Table<T>()
    {
        var table = StoreObject<T>();
        return sql.DelimitIdentifier(table.Name, table.Schema);
    }

    /// <summary>The table's own name, without schema (to qualify a column, e.g. in an upsert).</summary>
    public string TableName<T>() => sql.DelimitIdentifier(StoreObject<T>().Name);

    /// <summary>The column of <paramref name="property"/> (a shadow property too).</summary>
    public string Column<T>(string property)
        => sql.DelimitIdentifier(Entity<T>().FindProperty(property)!.GetColumnName(StoreObject<T>())!);

    private IEntityType Entity<T>() => context.Model.FindEntityType(typeof(T))!;

    private StoreObjectIdentifier StoreObject<T>()
    {
        var entity = Entity<T>();
        return StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
    }
}
