using Microsoft.Data.Sqlite;
using MySql.Data.MySqlClient;
using Npgsql;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// One throw-away database per test app: SQLite in memory (kept alive by an open connection), or, with
/// USERMESSAGES_TEST_PROVIDER=postgres or =mariadb, a fresh database on the server named by
/// USERMESSAGES_POSTGRES or USERMESSAGES_MARIADB, dropped afterwards. USERMESSAGES_TEST_STORE=portable
/// has the app use the package's portable EF Core store even where its SQL store applies.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection? keepAlive;
    private readonly string? server;
    private readonly string name = "um_" + Guid.NewGuid().ToString("N");

    /// <summary>A PostgreSQL database on <paramref name="postgresServer"/>, whatever provider the run uses (several instances of one site).</summary>
    public TestDatabase(string postgresServer)
    {
        Engine = TestEngine.Postgres;
        server = postgresServer;
    }

    public TestDatabase()
    {
        Engine = RunOn;
        server = Engine switch
        {
            TestEngine.Postgres => ServerFrom("USERMESSAGES_POSTGRES", "Host=...;Username=..."),
            TestEngine.MariaDb => ServerFrom("USERMESSAGES_MARIADB", "Server=...;Port=...;User ID=..."),
            _ => null,
        };
        if (Engine == TestEngine.Sqlite)
        {
            keepAlive = new SqliteConnection(SqliteConnectionString);
            keepAlive.Open();
        }
    }

    /// <summary>The database engine of this run's apps (USERMESSAGES_TEST_PROVIDER: sqlite, the default, postgres or mariadb).</summary>
    public static TestEngine RunOn => Environment.GetEnvironmentVariable("USERMESSAGES_TEST_PROVIDER")?.ToLowerInvariant() switch
    {
        null or "" or "sqlite" => TestEngine.Sqlite,
        "postgres" => TestEngine.Postgres,
        "mariadb" => TestEngine.MariaDb,
        var other => throw new InvalidOperationException($"USERMESSAGES_TEST_PROVIDER={other}: use sqlite, postgres or mariadb."),
    };

    /// <summary>Whether this run's apps use PostgreSQL rather than another engine.</summary>
    public static bool RunOnPostgres => RunOn == TestEngine.Postgres;

    /// <summary>Whether this run's apps read and write through the package's portable EF Core store: on MariaDB, or when USERMESSAGES_TEST_STORE=portable.</summary>
    public static bool RunsPortableStore
        => RunOn == TestEngine.MariaDb || string.Equals(Environment.GetEnvironmentVariable("USERMESSAGES_TEST_STORE"), "portable", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this run's apps keep pages (USERMESSAGES_TEST_KEPT_PAGES=1), so every test also checks that no kept page outlives a change.</summary>
    public static bool KeepsPages => Environment.GetEnvironmentVariable("USERMESSAGES_TEST_KEPT_PAGES") == "1";

    /// <summary>This database's engine.</summary>
    public TestEngine Engine { get; }

    public bool IsPostgres => Engine == TestEngine.Postgres;

    private string SqliteConnectionString => $"Data Source=file:{name}?mode=memory&cache=shared";

    /// <summary>The connection string of this database, for contexts a test builds itself.</summary>
    public string ConnectionString => Engine switch
    {
        TestEngine.Postgres => $"{server};Database={name}",
        TestEngine.MariaDb => $"{server};Database={name}",
        _ => SqliteConnectionString,
    };

    /// <summary>The sample's settings that point it at this database.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        IEnumerable<KeyValuePair<string, string>> database = Engine switch
        {
            TestEngine.Postgres => [new("Messages:Provider", "Postgres"), new("ConnectionStrings:MessagesPostgres", ConnectionString)],
            TestEngine.MariaDb => [new("Messages:Provider", "MariaDb"), new("ConnectionStrings:MessagesMariaDb", ConnectionString)],
            _ => [new("ConnectionStrings:Messages", ConnectionString)],
        };
        database = KeepsPages ? database.Append(new("Messages:KeptPages:Duration", "00:05:00")) : database;
        return RunsPortableStore ? database.Append(new("Messages:Store:UseProviderSql", "false")) : database;
    }

    public void Dispose()
    {
        keepAlive?.Dispose();
        if (Engine == TestEngine.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection($"{server};Database=postgres");
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        else if (Engine == TestEngine.MariaDb)
        {
            MySqlConnection.ClearAllPools();
            using var connection = new MySqlConnection(server);
            connection.Open();
            using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`", connection);
            drop.ExecuteNonQuery();
        }
    }

    private static string ServerFrom(string variable, string example)
        => Environment.GetEnvironmentVariable(variable)
            ?? throw new InvalidOperationException($"USERMESSAGES_TEST_PROVIDER={RunOn.ToString().ToLowerInvariant()} needs {variable}=\"{example}\" (./test.sh starts one).");
}

/// <summary>The database engines the integration suite runs on.</summary>
public enum TestEngine
{
    Sqlite,
    Postgres,
    MariaDb,
}
