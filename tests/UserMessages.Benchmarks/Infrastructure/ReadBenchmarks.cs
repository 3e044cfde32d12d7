using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserMessages.Sample.Data;
using UserMessages.Seeding;
using UserMessages.Services;

namespace UserMessages.Benchmarks.Infrastructure;

/// <summary>
/// A read on a seeded database, measured through the library: in a request of its own (a new DI
/// scope, so a new DbContext and service graph, and one open of its connection, as a page pays), in
/// a request whose scope is open already (what the call itself adds, with its own open of the
/// connection), and where a benchmark asks, on a connection the request holds open already.
/// </summary>
public abstract class ReadBenchmarks
{
    private AsyncServiceScope openScope;

    private AsyncServiceScope connectedScope;

    protected BenchmarkDatabase Db { get; private set; } = null!;

    /// <summary>Opens (seeding on first use) the database of <paramref name="size"/> and the scope the open-context benchmark uses.</summary>
    protected async Task OpenAsync(SeedSize size)
    {
        Db = await BenchmarkDatabase.OpenAsync(size, forWriting: false);
        openScope = Db.Services.CreateAsyncScope();
        connectedScope = Db.Services.CreateAsyncScope();
        await connectedScope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.OpenConnectionAsync();
    }

    /// <summary>
    /// Runs <paramref name="read"/> with the messaging service of a new scope whose connection is
    /// opened once for the whole read, as <c>MapUserMessages</c>'s endpoints hold it for a request.
    /// </summary>
    protected async Task<T> InNewScopeAsync<T>(Func<IUserMessagesService, Task<T>> read)
    {
        await using var scope = Db.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<SampleDbContext>().Database;
        await database.OpenConnectionAsync();
        try
        {
            return await read(scope.ServiceProvider.GetRequiredService<IUserMessagesService>());
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs <paramref name="read"/> with the messaging service of the scope kept open.</summary>
    protected Task<T> InOpenScopeAsync<T>(Func<IUserMessagesService, Task<T>> read)
        => read(openScope.ServiceProvider.GetRequiredService<IUserMessagesService>());

    /// <summary>
    /// Runs <paramref name="read"/> with the messaging service of a scope whose connection is open
    /// already: what a read adds to a request that has opened its connection (the unread badge on a
    /// page, after the page's own reads).
    /// </summary>
    protected Task<T> OnOpenConnectionAsync<T>(Func<IUserMessagesService, Task<T>> read)
        => read(connectedScope.ServiceProvider.GetRequiredService<IUserMessagesService>());

    [BenchmarkDotNet.Attributes.GlobalCleanup]
    public async Task CleanupAsync()
    {
        await CloseAsync();
        await connectedScope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.CloseConnectionAsync();
        await connectedScope.DisposeAsync();
        await openScope.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// <summary>Closes what a benchmark opened besides the database and the scopes.</summary>
    protected virtual Task CloseAsync() => Task.CompletedTask;
}
