using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserMessages.Sample.Data;

namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>
/// The sample's messaging services without the web host: its context on a SQLite file, Identity's
/// user store, and <c>AddUserMessages</c> as the sample configures it, with sending limits high
/// enough that no benchmark is refused (the limits are still checked, as they would be).
/// </summary>
public static class BenchmarkServices
{
    /// <summary>Messages per minute and per day, and new threads per day, each user may send.</summary>
    public const int SendingLimit = 1_000;

    /// <summary>The same for the library and the baselines (one connection pool; e_sqlite3 checks foreign keys by default).</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    public static ServiceProvider Create(string path)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContextPool<SampleDbContext>(options => options.UseSqlite(ConnectionString(path)).AddInterceptors(new SqliteDurability()));
        services.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<SampleDbContext>();
        services.AddUserMessages(options =>
            {
                options.PageSize = 25;
                options.Limits.MessagesPerMinute = SendingLimit;
                options.Limits.MessagesPerDay = SendingLimit;
                options.Limits.NewThreadsPerDay = SendingLimit;
            })
            .AddEntityFrameworkStores<SampleDbContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
