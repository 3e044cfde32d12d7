using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Store;

/// <summary>
/// A read of the rows whose key is one of a list (<c>SELECT … WHERE key IN (@p0, …)</c>), written once per
/// number of keys and run in statements of at most a thousand keys (SQL Server takes at most 2,100 parameters).
/// </summary>
internal sealed class IdListStatement
{
    private const int MaxKeysPerStatement = 1_000;

    /// <summary>The first parameters' names, made once.</summary>
    private static readonly string[] CommonNames = [.. Enumerable.Range(0, 64).Select(i => "p" + i)];

    private readonly ConcurrentDictionary<int, IRelationalCommandTemplate> templates = new();
    private readonly string select;
    private readonly RelationalTypeMapping keyMapping;
    private readonly ISqlGenerationHelper sql;
    private readonly IRelationalCommandBuilderFactory builders;

    /// <param name="context">A context of the model the statement is for (only its provider's services are kept).</param>
    /// <param name="select">The statement up to the list: <c>SELECT … FROM … WHERE key IN (</c>, in the host's names.</param>
    /// <param name="keyMapping">How a key is sent as a parameter.</param>
    public IdListStatement(DbContext context, string select, RelationalTypeMapping keyMapping)
        => (this.select, this.keyMapping, sql, builders) = (select, keyMapping, context.GetService<ISqlGenerationHelper>(), context.GetService<IRelationalCommandBuilderFactory>());

    /// <summary>Runs the statement for <paramref name="keys"/> (one statement per thousand) and reads each row with <paramref name="read"/>.</summary>
    public async Task<List<T>> ReadAsync<TKey, T>(DbContext context, IReadOnlyList<TKey> keys, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>(keys.Count);
        foreach (var chunk in keys.Chunk(MaxKeysPerStatement))
        {
            var values = new Dictionary<string, object?>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                values[ParameterName(i)] = chunk[i];
            }

            await StatementRunner.ReadAsync(context, templates.GetOrAdd(chunk.Length, Build), values, async (reader, ct) =>
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(read(reader.DbDataReader));
                }

                return rows;
            }, cancellationToken);
        }

        return rows;
    }

    private IRelationalCommandTemplate Build(int count)
    {
        var builder = builders.Create().Append(select);
        for (var i = 0; i < count; i++)
        {
            var name = ParameterName(i);
            builder.AddParameter(name, sql.GenerateParameterName(name), keyMapping, nullable: false)
                .Append(i == 0 ? string.Empty : ", ")
                .Append(sql.GenerateParameterNamePlaceholder(name));
        }

        return builder.Append(")").Build();
    }

    private static string ParameterName(int index) => index < CommonNames.Length ? CommonNames[index] : "p" + index;
}
