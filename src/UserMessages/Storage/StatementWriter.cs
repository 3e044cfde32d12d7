using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Storage;

/// <summary>
/// Writes one of the statements the package keeps as SQL of its own (<see cref="FolderStatement"/>,
/// <see cref="ThreadStatement"/>): its text, and each parameter the first time the text names it,
/// typed by the mapping of the column it is compared with. Only table and column names from
/// <see cref="SqlNames"/> are spliced into the text; values always go as parameters.
/// </summary>
internal sealed class StatementWriter(DbContext context, IReadOnlyDictionary<string, RelationalTypeMapping> mappings)
{
    private readonly IRelationalCommandBuilder builder = context.GetService<IRelationalCommandBuilderFactory>().Create();
    private readonly ISqlGenerationHelper sql = context.GetService<ISqlGenerationHelper>();
    private readonly HashSet<string> added = [];
    private readonly StringBuilder text = new();

    /// <summary>
    /// Whether the entities' tables are plainly the package's own, so that SQL written from their
    /// names reads what LINQ would: each mapped to a table, without an inheritance hierarchy or a
    /// query filter (which a host may add).
    /// </summary>
    public static bool ArePlainTables(IModel model, params Type[] entities)
        => entities.All(type => model.FindEntityType(type) is { } entity
            && entity.BaseType is null
            && !entity.GetDerivedTypes().Any()
            && entity.GetDeclaredQueryFilters().Count == 0
            && entity.GetTableName() is not null);

    /// <summary>Whether none of <paramref name="properties"/> has a value converter (they are read from the reader as they are).</summary>
    public static bool AreUnconverted(params IProperty[] properties) => properties.All(p => p.GetTypeMapping().Converter is null);

    /// <summary>The placeholder of the parameter <paramref name="name"/> (one of the mappings' names), added the first time.</summary>
    public string Value(string name)
    {
        if (added.Add(name))
        {
            builder.AddParameter(name, sql.GenerateParameterName(name), mappings[name], nullable: false);
        }

        return sql.GenerateParameterNamePlaceholder(name);
    }

    /// <summary>Appends <paramref name="sqlText"/> to the statement.</summary>
    public StatementWriter Append(string sqlText)
    {
        text.Append(sqlText);
        return this;
    }

    /// <summary>The statement, to run as a <see cref="WrittenStatement"/>.</summary>
    public IRelationalCommandTemplate Build() => builder.Append(text.ToString()).Build();
}
