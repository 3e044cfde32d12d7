using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UserMessages.Services;

namespace UserMessages.Tests.Infrastructure;

/// <summary>
/// The messaging services as a host app wires them: Identity users in a SQLite in-memory database
/// (kept open for the test's lifetime), a fake clock, a statement counter and a fault injector.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly SqliteConnection connection;

    private MessagingHost(SqliteConnection connection, ServiceProvider services, FakeTimeProvider clock, CommandCounter commands, CommandFaultInjector faults)
    {
        this.connection = connection;
        Services = services;
        Clock = clock;
        Commands = commands;
        Faults = faults;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public CommandCounter Commands { get; }

    public CommandFaultInjector Faults { get; }

    public SqliteConnection Connection => connection;

    /// <summary>Builds the services and creates the database.</summary>
    /// <param name="configure">Changes to the messaging options.</param>
    /// <param name="configureServices">Extra registrations, made after AddUserMessages (so they may replace its services).</param>
    /// <param name="configureBuilder">Extra calls on the messaging builder (handlers, policies).</param>
    public static async Task<MessagingHost> StartAsync(
        Action<UserMessagesOptions>? configure = null,
        Action<IServiceCollection>? configureServices = null,
        Action<UserMessagesBuilder>? configureBuilder = null)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var commands = new CommandCounter();
        var faults = new CommandFaultInjector();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero));

        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(o => o.UseSqlite(connection).AddInterceptors(commands, faults));
        services.AddLogging();
        services.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<TestDbContext>();
        services.AddSingleton<TimeProvider>(clock);
        var builder = services.AddUserMessages(options =>
            {
                // The rule tests send far faster than people do; the limit tests set their own limits.
                options.Limits.MessagesPerMinute = 100_000;
                options.Limits.MessagesPerDay = 1_000_000;
                options.Limits.NewThreadsPerDay = 1_000_000;
                configure?.Invoke(options);
            })
            .AddEntityFrameworkStores<TestDbContext>();
        configureBuilder?.Invoke(builder);
        configureServices?.Invoke(services);

        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }

        commands.Reset();
        return new MessagingHost(connection, provider, clock, commands, faults);
    }

    /// <summary>Creates an Identity user and returns their id.</summary>
    public async Task<string> CreateUserAsync(string userName, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(userName) { Email = email ?? userName + "@example.com" };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return await users.GetUserIdAsync(user);
    }

    /// <summary>Runs <paramref name="work"/> with the messaging service of a fresh scope, as one request would.</summary>
    public async Task<T> WithServiceAsync<T>(Func<IUserMessagesService, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IUserMessagesService>());
    }

    /// <summary>Runs <paramref name="work"/> with a fresh context, for seeding and for looking at the rows themselves.</summary>
    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await connection.DisposeAsync();
    }
}
