namespace UserMessages.Storage;

/// <summary>How the UserMessages tables are named and which model version the host has opted into.</summary>
public class UserMessagesStoreOptions
{
    /// <summary>The first model version (the only one so far).</summary>
    public const int Version1 = 1;

    /// <summary>The database schema for the tables, or <see langword="null"/> for the provider's default.</summary>
    public string? Schema { get; set; }

    /// <summary>Prepended to each table name: <c>Threads</c>, <c>Messages</c>, <c>Participants</c>. Default <c>UserMessages</c>.</summary>
    public string TablePrefix { get; set; } = "UserMessages";

    /// <summary>
    /// The model version the host's migrations were made with. A package upgrade that changes the
    /// model only applies its change once the host raises this number and adds a migration.
    /// </summary>
    public int SchemaVersion { get; set; } = Version1;

    /// <summary>
    /// On PostgreSQL, the text search configuration of the full-text indexes that message search
    /// uses: <c>simple</c> (the default: words as written, any language) or a language such as
    /// <c>english</c> (stemmed words, stop words left out). Changing it changes the model (add a migration).
    /// </summary>
    public string TextSearchConfiguration { get; set; } = "simple";

    /// <summary>
    /// Whether SQLite and PostgreSQL get the package's own SQL for its hot paths (the default). Set it
    /// to <see langword="false"/> to run the portable EF Core store there too, as every other database does.
    /// </summary>
    public bool UseProviderSql { get; set; } = true;
}
