using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UserMessages.Services;
using UserMessages.Tests.Shared;

namespace UserMessages.Tests.Infrastructure;

/// <summary>
/// A host started by <see cref="TestHostBuilder"/>: its services over a SQLite database of <typeparamref name="TContext"/>
/// and what the builder attached to them. Disposing it ends the services and the database.
/// </summary>
public class TestHost<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly TestHostParts parts;

    internal TestHost(TestHostParts parts) => this.parts = parts;

    /// <summary>Takes over a started host, for a host type that adds its own ways to start.</summary>
    protected TestHost(TestHost<TContext> started) => parts = started.parts;

    public ServiceProvider Services => parts.Services;

    public StatementCounter Statements => parts.Statements;

    public CommandFaultInjector Faults => parts.Faults;

    /// <summary>The in-memory database's connection, open for the host's lifetime.</summary>
    public SqliteConnection Connection => parts.Connection ?? throw new InvalidOperationException("This host's database is a file: every context opens its own connection.");

    public FakeTimeProvider Clock => parts.Clock ?? throw new InvalidOperationException("This host runs on the system clock: build it with UseFakeClock().");

    public CapturingLoggerProvider Logs => parts.Logs ?? throw new InvalidOperationException("This host keeps no logs: build it with CaptureLogs().");

    /// <summary>Creates an Identity user and returns their id.</summary>
    public async Task<string> CreateUserAsync(string userName, string? email = null)
    {
        var create = parts.CreateUser ?? throw new InvalidOperationException("This host has no Identity users: build it with AddIdentity<TUser, TKey>().");
        await using var scope = Services.CreateAsyncScope();
        return await create(scope.ServiceProvider, userName, email ?? userName + "@example.com");
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> with the messaging service of a fresh scope, as one request would.</summary>
    public Task<T> WithServiceAsync<T>(Func<IUserMessagesService, Task<T>> work)
        => InScopeAsync(services => work(services.GetRequiredService<IUserMessagesService>()));

    /// <summary>Runs <paramref name="work"/> with a fresh context, for seeding and for looking at the rows themselves.</summary>
    public Task<T> WithDbAsync<T>(Func<TContext, Task<T>> work)
        => InScopeAsync(services => work(services.GetRequiredService<TContext>()));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (parts.Connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        if (parts.Folder is { } folder)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>What <see cref="TestHostBuilder"/> hands a started host: its services and what it attached to them.</summary>
internal sealed record TestHostParts(
    ServiceProvider Services,
    StatementCounter Statements,
    CommandFaultInjector Faults,
    SqliteConnection? Connection,
    string? Folder,
    FakeTimeProvider? Clock,
    CapturingLoggerProvider? Logs,
    Func<IServiceProvider, string, string, Task<string>>? CreateUser);
