using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Storage;

namespace UserMessages.Users;

/// <summary>
/// The names of Identity users by id, as one statement written once per model and number of ids:
/// <c>SELECT Id, UserName FROM AspNetUsers WHERE Id IN (@p0, @p1, ...)</c>, with the host's table
/// and column names. EF Core writes the SQL of a LINQ query over a list of ids again on every run
/// (it expands the list into parameters after the query is compiled), which with its per-run
/// checks cost a sixth of an inbox read. It is an <see cref="IdListStatement"/>.
/// </summary>
internal sealed class UserNamesStatement<TUser, TKey>
    where TUser : IdentityUser<TKey>
    where TKey : IEquatable<TKey>
{
    private static readonly ConditionalWeakTable<IModel, StrongBox<UserNamesStatement<TUser, TKey>?>> PerModel = [];

    private readonly IdListStatement statement;
    private readonly RelationalTypeMapping idMapping;

    private UserNamesStatement(IdListStatement statement, RelationalTypeMapping idMapping) => (this.statement, this.idMapping) = (statement, idMapping);

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
        return new UserNamesStatement<TUser, TKey>(new IdListStatement(context, select, idMapping), idMapping);
    }

    /// <summary>The id and user name of each user of <paramref name="keys"/> that exists (one statement per thousand ids).</summary>
    public Task<List<(TKey Id, string? Name)>> ReadAsync(DbContext context, List<TKey> keys, CancellationToken cancellationToken)
        => statement.ReadAsync(context, keys, row => (ReadId(row), row.IsDBNull(1) ? null : row.GetString(1)), cancellationToken);

    private TKey ReadId(System.Data.Common.DbDataReader row)
        => idMapping.Converter is { } converter ? (TKey)converter.ConvertFromProvider(row.GetValue(0))! : row.GetFieldValue<TKey>(0);
}
