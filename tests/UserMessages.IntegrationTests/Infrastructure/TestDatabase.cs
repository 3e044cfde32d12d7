using Microsoft.Data.Sqlite;
using Npgsql;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// One throw-away database per test app: SQLite in memory (kept alive by an open connection), or,
/// with USERMESSAGES_TEST_PROVIDER=postgres, a fresh PostgreSQL database on the server named by
/// USERMESSAGES_POSTGRES, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection? keepAlive;
    private readonly string? postgresServer;
    private readonly string name = "um_" + Guid.NewGuid().ToString("N");

    /// <summary>A PostgreSQL database on <paramref name="server"/>, whatever provider the run uses (several instances of one site).</summary>
    public TestDatabase(string server)
    {
        postgresServer = server;
    }

    public TestDatabase()
    {
        if (RunOnPostgres)
        {
            postgresServer = Environment.GetEnvironmentVariable("USERMESSAGES_POSTGRES")
                ?? throw new InvalidOperationException("USERMESSAGES_TEST_PROVIDER=postgres needs USERMESSAGES_POSTGRES=\"Host=...;Username=...\" (./test.sh starts one).");
            return;
        }

        keepAlive = new SqliteConnection(SqliteConnectionString);
        keepAlive.Open();
    }

    /// <summary>Whether this run's apps use PostgreSQL (USERMESSAGES_TEST_PROVIDER=postgres) rather than SQLite.</summary>
    public static bool RunOnPostgres => string.Equals(Environment.GetEnvironmentVariable("USERMESSAGES_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => postgresServer is not null;

    private string SqliteConnectionString => $"Data Source=file:{name}?mode=memory&cache=shared";

    /// <summary>The sample's settings that point it at this database.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
        => IsPostgres
            ? [new("Messages:Provider", "Postgres"), new("ConnectionStrings:MessagesPostgres", $"{postgresServer};Database={name}")]
            : [new("ConnectionStrings:Messages", SqliteConnectionString)];

    public void Dispose()
    {
        keepAlive?.Dispose();
        if (postgresServer is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection($"{postgresServer};Database=postgres");
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
