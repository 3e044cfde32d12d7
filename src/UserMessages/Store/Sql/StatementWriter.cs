using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Store;

/// <summary>
/// Writes one of the SQL store's statements: its text, and each parameter the first time the text
/// names it, typed by the mapping of its column. Only names from <see cref="SqlNames"/> and a page's
/// size from the options are spliced into the text; values from requests always go as parameters.
/// </summary>
internal sealed class StatementWriter(DbContext context, IReadOnlyDictionary<string, RelationalTypeMapping> mappings)
{
    private readonly IRelationalCommandBuilder builder = context.GetService<IRelationalCommandBuilderFactory>().Create();
    private readonly ISqlGenerationHelper sql = context.GetService<ISqlGenerationHelper>();
    private readonly HashSet<string> added = [];
    private readonly StringBuilder text = new();

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

    /// <summary>
    /// Appends the end of a keyset-paged read over the columns <paramref name="at"/> and <paramref name="id"/>:
    /// the cursor's condition (parameters <c>at</c> and <c>id</c>), the order, and <c>LIMIT</c> <paramref name="take"/>
    /// written as a number (it comes from the options, never from a request; see docs/benchmarks.md).
    /// </summary>
    public StatementWriter AppendPage(string at, string id, PageKind page, int take)
    {
        var (compare, order) = page switch
        {
            PageKind.Older => ("<", "DESC"),
            PageKind.Newer => (">", "ASC"),
            _ => (null, "DESC"),
        };
        if (compare is not null)
        {
            Append($" AND ({at} {compare} {Value("at")} OR ({at} = {Value("at")} AND {id} {compare} {Value("id")}))");
        }

        return Append($" ORDER BY {at} {order}, {id} {order} LIMIT {take.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>The statement, to run as a <see cref="StatementRunner"/>.</summary>
    public IRelationalCommandTemplate Build() => builder.Append(text.ToString()).Build();
}
