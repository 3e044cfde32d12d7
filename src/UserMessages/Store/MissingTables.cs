using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserMessages.Store;

/// <summary>Tells a database without the messaging tables (a host that has not applied its migration) from other failures.</summary>
internal static class MissingTables
{
    /// <summary>The command that creates the tables, for the messages that name them.</summary>
    public const string Remedy = "Add a migration and apply it: dotnet ef migrations add AddUserMessages, then dotnet ef database update.";

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions came from the database.</summary>
    public static bool IsDatabaseError(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions is the database's transient failure (it could not
    /// be reached, is restarting, dropped the connection): trying again later may work, and no table is missing.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The messaging tables of <paramref name="context"/>'s model that the database cannot read from.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(DbContext context, CancellationToken cancellationToken)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var missing = new List<string>();
        var tables = context.Model.GetEntityTypes()
            .Where(entity => entity.ClrType.Namespace == typeof(Domain.MessageThread).Namespace && entity.GetTableName() is not null)
            .Select(entity => (Name: entity.GetTableName()!, Schema: entity.GetSchema()))
            .Distinct();
        foreach (var table in tables)
        {
            try
            {
                // Reads no row but needs the table, so it fails exactly when the table is not there (only quoted model names are spliced in).
                var probe = "SELECT 1 FROM " + sql.DelimitIdentifier(table.Name, table.Schema) + " WHERE 1 = 0";
                await context.Database.ExecuteSqlRawAsync(probe, cancellationToken);
            }
            catch (DbException)
            {
                missing.Add(table.Schema is null ? table.Name : table.Schema + "." + table.Name);
            }
        }

        return missing;
    }
}
