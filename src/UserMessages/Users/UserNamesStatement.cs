using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Storage;

namespace UserMessages.Users;

/// <summary>
/// The names of Identity users by id, as one statement written once per model and number of ids:
/// <c>SELECT Id, UserName FROM AspNetUsers WHERE Id IN (@p0, @p1, ...)</c>, with the host's table
/// and column names. EF Core writes the SQL of a LINQ query over a list of ids again on every run
/// (it expands the list into parameters after the query is compiled), which with its per-run
/// checks cost a sixth of an inbox read. It runs as a <see cref="WrittenStatement"/>.
/// </summary>
internal sealed class UserNamesStatement<TUser, TKey>
    where TUser : IdentityUser<TKey>
    where TKey : IEquatable<TKey>
{
    /// <summary>The most ids one statement asks for (SQL Server takes at most 2,100 parameters).</summary>
    private const int MaxIdsPerStatement = 1_000;

    /// <summary>The first parameters' names, made once.</summary>
    private static readonly string[] CommonNames = [.. Enumerable.Range(0, 64).Select(i => "p" + i)];

    private static readonly ConditionalWeakTable<IModel, StrongBox<UserNamesStatement<TUser, TKey>?>> PerModel = [];

    private readonly ConcurrentDictionary<int, IRelationalCommandTemplate> templates = new();
    private readonly string select;
    private readonly RelationalTypeMapping idMapping;
    private readonly ISqlGenerationHelper sql;
    private readonly IRelationalCommandBuilderFactory builders;

    private UserNamesStatement(string select, RelationalTypeMapping idMapping, ISqlGenerationHelper sql, IRelationalCommandBuilderFactory builders)
        => (this.select, this.idMapping, this.sql, this.builders) = (select, idMapping, sql, builders);

    /// <summary>
    /// The statement for <paramref name="context"/>'s model, or null when its users are not plainly
    /// one table of their own (a view, an inheritance hierarchy, a query filter, a converted name):
    /// then the LINQ query, which knows all of that, runs instead.
    /// </summary>
    public static UserNamesStatement<TUser, TKey>? For(DbContext context)
        => (PerModel.TryGetValue(context.Model, out var known) ? known : PerModel.GetValue(context.Model, _ => new(Create(context)))).Value;

    private static UserNamesStatement<TUser, TKey>? Create(DbContext context)
    {
        if (context.Database.IsRelational() is false || !StatementWriter.ArePlainTables(context.Model, typeof(TUser)))
        {
            return null;
        }

        var users = context.Model.FindEntityType(typeof(TUser))!;

        var id = users.FindProperty(nameof(IdentityUser<TKey>.Id))!;
        if (id.GetRelationalTypeMapping() is not { } idMapping
            || users.FindProperty(nameof(IdentityUser<TKey>.UserName))!.GetTypeMapping().Converter is not null)
        {
            return null;
        }

        var names = new SqlNames(context);
        var idColumn = names.Column<TUser>(nameof(IdentityUser<TKey>.Id));
        var select = $"SELECT {idColumn}, {names.Column<TUser>(nameof(IdentityUser<TKey>.UserName))} FROM {names.Table<TUser>()} WHERE {idColumn} IN (";
        var sql = context.GetService<ISqlGenerationHelper>();
        return new UserNamesStatement<TUser, TKey>(select, idMapping, sql, context.GetService<IRelationalCommandBuilderFactory>());
    }

    /// <summary>The id and user name of each user of <paramref name="keys"/> that exists (one statement per thousand ids).</summary>
    public async Task<List<(TKey Id, string? Name)>> ReadAsync(DbContext context, List<TKey> keys, CancellationToken cancellationToken)
    {
        var found = new List<(TKey, string?)>(keys.Count);
        foreach (var chunk in keys.Chunk(MaxIdsPerStatement))
        {
            var values = new Dictionary<string, object?>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                values[ParameterName(i)] = chunk[i];
            }

            await WrittenStatement.ReadAsync(context, templates.GetOrAdd(chunk.Length, Build), values, async (reader, ct) =>
            {
                while (await reader.ReadAsync(ct))
                {
                    var row = reader.DbDataReader;
                    found.Add((ReadId(row), row.IsDBNull(1) ? null : row.GetString(1)));
                }

                return found;
            }, cancellationToken);
        }

        return found;
    }

    private TKey ReadId(System.Data.Common.DbDataReader row)
        => idMapping.Converter is { } converter ? (TKey)converter.ConvertFromProvider(row.GetValue(0))! : row.GetFieldValue<TKey>(0);

    private IRelationalCommandTemplate Build(int count)
    {
        var builder = builders.Create().Append(select);
        for (var i = 0; i < count; i++)
        {
            var name = ParameterName(i);
            builder.AddParameter(name, sql.GenerateParameterName(name), idMapping, nullable: false)
                .Append(i == 0 ? string.Empty : ", ")
                .Append(sql.GenerateParameterNamePlaceholder(name));
        }

        return builder.Append(")").Build();
    }

    private static string ParameterName(int index) => index < CommonNames.Length ? CommonNames[index] : "p" + index;
}
