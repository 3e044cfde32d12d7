using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UserMessages.Storage;
using UserMessages.Tests.Shared;

namespace UserMessages.Tests.Infrastructure;

/// <summary>
/// The one way this project builds a test host: the services a host app registers (logging, the messaging
/// feature, Identity when asked for) over a SQLite database of the context given to <see cref="StartAsync{TContext}"/>,
/// plus only what a test asks for. Every database host gets a <see cref="StatementCounter"/> and a <see cref="CommandFaultInjector"/>.
/// </summary>
public sealed class TestHostBuilder
{
    /// <summary>Where the clock of <see cref="UseFakeClock"/> starts.</summary>
    public static readonly DateTimeOffset ClockStart = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<Action<UserMessagesOptions>> optionChanges = [];
    private readonly List<Action<UserMessagesBuilder>> messagingChanges = [];
    private readonly List<Action<IServiceCollection>> serviceChanges = [];
    private readonly List<IInterceptor> interceptors = [];
    private Func<IServiceCollection, IdentityBuilder>? addIdentity;
    private Func<IServiceProvider, string, string, Task<string>>? createUser;
    private bool userMessages = true;
    private bool fakeClock;
    private bool captureLogs;
    private bool sqliteFile;
    private bool pooled;
    private int? poolSize;
    private bool createDatabase = true;
    private bool messageRequests;

    /// <summary>Changes to the messaging options, applied in the order given.</summary>
    public TestHostBuilder ConfigureOptions(Action<UserMessagesOptions> configure)
    {
        optionChanges.Add(configure);
        return this;
    }

    /// <summary>Extra calls on the messaging builder (handlers, policies, user directories), after the stores are added.</summary>
    public TestHostBuilder ConfigureMessaging(Action<UserMessagesBuilder> configure)
    {
        messagingChanges.Add(configure);
        return this;
    }

    /// <summary>Extra registrations, made last (so they may replace any service registered before).</summary>
    public TestHostBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        serviceChanges.Add(configure);
        return this;
    }

    /// <summary>
    /// Keeps message requests on (the package's default). Without it, a test host has them off: its users write to
    /// each other as people who know each other do, which is what the other rules' tests are about.
    /// </summary>
    public TestHostBuilder WithMessageRequests()
    {
        messageRequests = true;
        return this;
    }

    /// <summary>Leaves the messaging feature out: the host has only logging and the extra registrations.</summary>
    public TestHostBuilder WithoutUserMessages()
    {
        userMessages = false;
        return this;
    }

    /// <summary>Adds Identity users of type <typeparamref name="TUser"/> stored in the host's context, and lets the host create them.</summary>
    public TestHostBuilder AddIdentity<TUser, TKey>()
        where TUser : IdentityUser<TKey>, new()
        where TKey : IEquatable<TKey>
    {
        addIdentity = services => services.AddIdentityCore<TUser>();
        createUser = async (services, userName, email) =>
        {
            var users = services.GetRequiredService<UserManager<TUser>>();
            var user = new TUser { UserName = userName, Email = email };
            var created = await users.CreateAsync(user);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            return await users.GetUserIdAsync(user);
        };
        return this;
    }

    /// <summary>Registers a <see cref="FakeTimeProvider"/> starting at <see cref="ClockStart"/> as the host's clock.</summary>
    public TestHostBuilder UseFakeClock()
    {
        fakeClock = true;
        return this;
    }

    /// <summary>Keeps every log entry written, in the host's <see cref="TestHost{TContext}.Logs"/>.</summary>
    public TestHostBuilder CaptureLogs()
    {
        captureLogs = true;
        return this;
    }

    /// <summary>Puts the database in a new SQLite file in WAL mode (deleted with the host) instead of in memory: every context opens its own connection.</summary>
    public TestHostBuilder UseSqliteFile()
    {
        sqliteFile = true;
        return this;
    }

    /// <summary>Registers the context with <c>AddDbContextPool</c>, of <paramref name="size"/> contexts or EF Core's default.</summary>
    public TestHostBuilder PoolContexts(int? size = null)
    {
        pooled = true;
        poolSize = size;
        return this;
    }

    /// <summary>Adds interceptors to the context, after the statement counter and the fault injector.</summary>
    public TestHostBuilder AddInterceptors(params IInterceptor[] added)
    {
        interceptors.AddRange(added);
        return this;
    }

    /// <summary>Starts with the database not created, for tests that create it themselves or never touch it.</summary>
    public TestHostBuilder WithoutCreatingDatabase()
    {
        createDatabase = false;
        return this;
    }

    /// <summary>Opens the database, builds the services over <typeparamref name="TContext"/> and creates the tables.</summary>
    public async Task<TestHost<TContext>> StartAsync<TContext>()
        where TContext : DbContext, IUserMessagesDbContext
    {
        var statements = new StatementCounter();
        var faults = new CommandFaultInjector();
        var added = interceptors.Prepend(faults).Prepend(statements).ToArray();
        var folder = sqliteFile ? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "um-test-" + Guid.NewGuid().ToString("N"))).FullName : null;
        var connection = folder is null ? new SqliteConnection("Data Source=:memory:") : null;
        if (connection is not null)
        {
            await connection.OpenAsync();
        }

        void UseDatabase(DbContextOptionsBuilder options)
            => (connection is null ? options.UseSqlite($"Data Source={Path.Combine(folder!, "messages.db")}") : options.UseSqlite(connection)).AddInterceptors(added);

        var services = new ServiceCollection();
        if (!pooled)
        {
            services.AddDbContext<TContext>(UseDatabase);
        }
        else if (poolSize is { } size)
        {
            services.AddDbContextPool<TContext>(UseDatabase, size);
        }
        else
        {
            services.AddDbContextPool<TContext>(UseDatabase);
        }

        addIdentity?.Invoke(services).AddEntityFrameworkStores<TContext>();
        var clock = fakeClock ? new FakeTimeProvider(ClockStart) : null;
        var logs = captureLogs ? new CapturingLoggerProvider() : null;
        Register(services, clock, logs, messaging => messaging.AddEntityFrameworkStores<TContext>());

        var provider = services.BuildServiceProvider();
        if (createDatabase)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>().Database;
            await db.EnsureCreatedAsync();
            if (folder is not null)
            {
                await db.ExecuteSqlRawAsync("PRAGMA journal_mode = 'wal';");
            }
        }

        statements.Reset();
        return new TestHost<TContext>(new TestHostParts(provider, statements, faults, connection, folder, clock, logs, createUser));
    }

    /// <summary>Builds the registrations alone, with no database (for tests of options and registrations).</summary>
    public ServiceProvider BuildServiceProvider()
    {
        var services = new ServiceCollection();
        RegisterWithoutDatabase(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds a generic host (<c>Host.CreateApplicationBuilder</c>) with the registrations and no database, for what happens when an app starts.</summary>
    public IHost BuildGenericHost()
    {
        var builder = Host.CreateApplicationBuilder();
        RegisterWithoutDatabase(builder.Services);
        return builder.Build();
    }

    private void RegisterWithoutDatabase(IServiceCollection services)
    {
        if (addIdentity is not null)
        {
            throw new InvalidOperationException("Identity users live in the database: start the host with StartAsync.");
        }

        Register(services, fakeClock ? new FakeTimeProvider(ClockStart) : null, captureLogs ? new CapturingLoggerProvider() : null, addStores: null);
    }

    private void Register(IServiceCollection services, FakeTimeProvider? clock, CapturingLoggerProvider? logs, Action<UserMessagesBuilder>? addStores)
    {
        services.AddLogging();
        if (logs is not null)
        {
            services.AddSingleton<ILoggerProvider>(logs);
        }

        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        if (userMessages)
        {
            var changes = (messageRequests ? optionChanges : [options => options.MessageRequests = false, .. optionChanges]).ToArray();
            var messaging = services.AddUserMessages(changes.Length == 0 ? null : options => Array.ForEach(changes, change => change(options)));
            addStores?.Invoke(messaging);
            messagingChanges.ForEach(change => change(messaging));
        }

        serviceChanges.ForEach(change => change(services));
    }
}
