using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Sample.Data;
using UserMessages.Seeding;
using UserMessages.Services;

namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>
/// A SQLite database seeded by <see cref="LoadSeeder"/> (bench/UserMessages.Seeder), cached in the temp folder by
/// size (and by build of the sample, so a changed seeder or schema seeds afresh): the first run of
/// a size seeds it, later runs open it at once. Writers get a copy of their own.
/// </summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    /// <summary>Every benchmark database has this many users; only threads and messages per user vary.</summary>
    public const int Users = 20;

    private static readonly string CacheFolder = Path.Combine(Path.GetTempPath(), "usermessages-benchmarks");

    private readonly string? workingCopy;

    private BenchmarkDatabase(string seededPath, string path, string? workingCopy, ServiceProvider services, SeededIds ids)
    {
        SeededPath = seededPath;
        FilePath = path;
        this.workingCopy = workingCopy;
        Services = services;
        Ids = ids;
    }

    /// <summary>The cached file as seeded.</summary>
    public string SeededPath { get; }

    /// <summary>The database file: the cached one for readers, a copy of it for writers.</summary>
    public string FilePath { get; }

    /// <summary>The sample's messaging services over this file, as a request would have them (one scope each).</summary>
    public ServiceProvider Services { get; }

    public SeededIds Ids { get; }

    public string ConnectionString => BenchmarkServices.ConnectionString(FilePath);

    /// <summary>Opens the seeded database of <paramref name="size"/>, seeding it first if no run has yet; with <paramref name="forWriting"/>, a copy of it.</summary>
    public static async Task<BenchmarkDatabase> OpenAsync(SeedSize size, bool forWriting)
    {
        var cached = await SeededFileAsync(size);
        var path = cached;
        if (forWriting)
        {
            DeleteCopiesOfEndedRuns();
            path = Path.Combine(CacheFolder, $"work-{Environment.ProcessId}.db");
            File.Copy(cached, path, overwrite: true);
        }

        var services = BenchmarkServices.Create(path);
        return new BenchmarkDatabase(cached, path, forWriting ? path : null, services, await SeededIds.ReadAsync(BenchmarkServices.ConnectionString(path)));
    }

    /// <summary>Opens a connection as the hand-written baselines do: pooled, with the same pragmas as the library's.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await SqliteDurability.ApplyAsync(connection, CancellationToken.None);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (workingCopy is not null)
        {
            foreach (var file in new[] { workingCopy, workingCopy + "-wal", workingCopy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A run that failed in its setup never got to delete its copy.</summary>
    private static void DeleteCopiesOfEndedRuns()
    {
        foreach (var copy in Directory.GetFiles(CacheFolder, "work-*.db*"))
        {
            var id = Path.GetFileName(copy).Split('-', '.')[1];
            if (!int.TryParse(id, out var processId) || !IsRunning(processId))
            {
                File.Delete(copy);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<string> SeededFileAsync(SeedSize size)
    {
        var build = typeof(LoadSeeder).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var prefix = $"u{size.Users}-t{size.ThreadsPerUser}-m{size.MessagesPerThread}-";
        var path = Path.Combine(CacheFolder, prefix + build + ".db");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(CacheFolder);
        foreach (var stale in Directory.GetFiles(CacheFolder, prefix + "*.db"))
        {
            File.Delete(stale);
        }

        // Seeded under another name and renamed, so an interrupted seeding is never taken for a finished one.
        var seeding = path + ".seeding";
        File.Delete(seeding);
        await using (var services = BenchmarkServices.Create(seeding))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
            await db.Database.MigrateAsync();
            var result = await ActivatorUtilities.CreateInstance<LoadSeeder>(scope.ServiceProvider).SeedAsync(size);
            Console.WriteLine($"// Seeded {Path.GetFileName(path)} in {result.Elapsed.TotalSeconds:0.0} s");

            // Write-ahead log: a commit appends to the log instead of rewriting pages twice (see BenchmarkServices).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL");
        }

        SqliteConnection.ClearAllPools();
        File.Move(seeding, path);
        return path;
    }
}

/// <summary>The users and threads the benchmarks use: user1 and user2 and the first thread between them.</summary>
/// <param name="User1">user1@example.com, in the measured user's place (every seeded user has the same number of threads).</param>
/// <param name="User2">user2@example.com, user1's partner in the first seeded thread.</param>
/// <param name="FirstThreadId">The first seeded thread (user1 started it, user2 answered).</param>
/// <param name="MaxThreadId">The last seeded thread: anything above was written by a benchmark.</param>
/// <param name="MaxMessageId">The last seeded message.</param>
public sealed record SeededIds(string User1, string User2, long FirstThreadId, long MaxThreadId, long MaxMessageId)
{
    public static async Task<SeededIds> ReadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        var users = (await connection.QueryAsync<(string Email, string Id)>(
            "SELECT NormalizedEmail, Id FROM AspNetUsers WHERE NormalizedEmail IN @Emails",
            new { Emails = new[] { LoadSeeder.Email(1).ToUpperInvariant(), LoadSeeder.Email(2).ToUpperInvariant() } })).ToDictionary(u => u.Email, u => u.Id);
        var (first, maxThread, maxMessage) = await connection.QuerySingleAsync<(long, long, long)>(
            "SELECT (SELECT MIN(Id) FROM UserMessagesThreads), (SELECT MAX(Id) FROM UserMessagesThreads), (SELECT MAX(Id) FROM UserMessagesMessages)");
        return new SeededIds(users[LoadSeeder.Email(1).ToUpperInvariant()], users[LoadSeeder.Email(2).ToUpperInvariant()], first, maxThread, maxMessage);
    }
}
