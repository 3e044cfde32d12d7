using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserMessages.Storage;
using UserMessages.Store;

namespace UserMessages.Users;

/// <summary>
/// The names of Identity users by id, as one <see cref="IdListStatement"/> written once per model, claim
/// type and number of ids: <c>SELECT Id, UserName, (their public-name claim) FROM AspNetUsers WHERE Id IN (@p0, ...)</c>,
/// with the host's table and column names (EF Core would write the SQL of a LINQ query over a list again on every run).
/// </summary>
internal sealed class UserNamesStatement<TUser, TKey>
    where TUser : IdentityUser<TKey>
    where TKey : IEquatable<TKey>
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, ConcurrentDictionary<string, UserNamesStatement<TUser, TKey>?>> PerModel = [];

    private readonly IdListStatement statement;
    private readonly RelationalTypeMapping idMapping;

    private UserNamesStatement(IdListStatement statement, RelationalTypeMapping idMapping) => (this.statement, this.idMapping) = (statement, idMapping);

    /// <summary>
    /// The statement for <paramref name="context"/>'s model, or null when its users are not plainly
    /// one table of their own (a view, an inheritance hierarchy, a query filter, a converted name):
    /// then the LINQ query, which knows all of that, runs instead.
    /// </summary>
    /// <param name="context">A context of the model.</param>
    /// <param name="claimType">The user claim that holds the public name, or null.</param>
    public static UserNamesStatement<TUser, TKey>? For(DbContext context, string? claimType)
        => PerModel.GetValue(context.Model, _ => new()).GetOrAdd(claimType ?? string.Empty, type => Create(context, type.Length == 0 ? null : type));

    private static UserNamesStatement<TUser, TKey>? Create(DbContext context, string? claimType)
    {
        if (context.Database.IsRelational() is false || !SqlStoreSupport.IsPlainTable(context.Model, typeof(TUser)))
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
        var publicName = "NULL";
        if (claimType is not null)
        {
            // The claim's value, as a literal the provider writes (it is the host's setting, never input).
            var claims = context.Model.GetEntityTypes().FirstOrDefault(e => e.BaseType is null && typeof(IdentityUserClaim<TKey>).IsAssignableFrom(e.ClrType));
            if (claims is null || !SqlStoreSupport.IsPlainTable(context.Model, claims.ClrType))
            {
                return null;
            }

            string Column(string property) => claims.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(claims.GetTableName()!, claims.GetSchema()))!;
            var sql = context.GetService<ISqlGenerationHelper>();
            var type = claims.FindProperty(nameof(IdentityUserClaim<TKey>.ClaimType))!.GetRelationalTypeMapping().GenerateSqlLiteral(claimType);
            publicName = $"(SELECT MIN(c.{sql.DelimitIdentifier(Column(nameof(IdentityUserClaim<TKey>.ClaimValue)))}) FROM {sql.DelimitIdentifier(claims.GetTableName()!, claims.GetSchema())} c "
                + $"WHERE c.{sql.DelimitIdentifier(Column(nameof(IdentityUserClaim<TKey>.UserId)))} = u.{idColumn} AND c.{sql.DelimitIdentifier(Column(nameof(IdentityUserClaim<TKey>.ClaimType)))} = {type})";
        }

        var select = $"SELECT u.{idColumn}, u.{names.Column<TUser>(nameof(IdentityUser<TKey>.UserName))}, {publicName} FROM {names.Table<TUser>()} u WHERE u.{idColumn} IN (";
        return new UserNamesStatement<TUser, TKey>(new IdListStatement(context, select, idMapping), idMapping);
    }

    /// <summary>The id, user name and public name of each user of <paramref name="keys"/> that exists (one statement per thousand ids).</summary>
    public Task<List<(TKey Id, string? Name, string? PublicName)>> ReadAsync(DbContext context, List<TKey> keys, CancellationToken cancellationToken)
        => statement.ReadAsync(context, keys, row => (ReadId(row), row.IsDBNull(1) ? null : row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2)), cancellationToken);

    private TKey ReadId(System.Data.Common.DbDataReader row)
        => idMapping.Converter is { } converter ? (TKey)converter.ConvertFromProvider(row.GetValue(0))! : row.GetFieldValue<TKey>(0);
}
