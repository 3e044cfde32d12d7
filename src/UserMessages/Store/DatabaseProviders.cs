namespace UserMessages.Store;

/// <summary>The EF Core provider names (<c>Database.ProviderName</c>) of the databases the package writes some SQL for itself.</summary>
internal static class DatabaseProviders
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";
}
