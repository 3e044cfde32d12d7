using Microsoft.EntityFrameworkCore;

namespace UserMessages.Store;

/// <summary>The SQL store's statements for one model, written on first use of each shape.</summary>
internal sealed class SqlStatements(DbContext context)
{
    /// <summary>Whether the database is PostgreSQL (else SQLite).</summary>
    public bool Postgres { get; } = context.Database.ProviderName == DatabaseProviders.Postgres;

    public FolderStatement Folder { get; } = FolderStatement.Create(context);

    public ThreadStatement Thread { get; } = ThreadStatement.Create(context);

    public SendingStatements Sending { get; } = SendingStatements.Create(context);
}
