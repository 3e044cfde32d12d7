using Microsoft.EntityFrameworkCore;
using UserMessages.Sample.Data;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh sample app per test (xunit makes one instance per test) with three real users,
/// alice, bob and carol, each with their own browser.
/// </summary>
public abstract class MessagingTest : IAsyncLifetime
{
    protected MessagesFactory App { get; private set; } = null!;

    protected BrowserClient Alice { get; private set; } = null!;

    protected BrowserClient Bob { get; private set; } = null!;

    protected BrowserClient Carol { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        App = new MessagesFactory(configureServices: ConfigureServices);
        if (UseKestrel)
        {
            App.UseKestrel(0);
        }

        Alice = App.CreateBrowser(await App.CreateUserAsync("alice@example.com"));
        Bob = App.CreateBrowser(await App.CreateUserAsync("bob@example.com"));
        Carol = App.CreateBrowser(await App.CreateUserAsync("carol@example.com"));
    }

    public virtual async Task DisposeAsync()
    {
        Alice?.Dispose();
        Bob?.Dispose();
        Carol?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Whether the app runs on Kestrel, a real server on a local port, instead of the in-memory test server.</summary>
    protected virtual bool UseKestrel => false;

    /// <summary>Replaces services of the app for this test class.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>What the database holds: threads, messages and participant rows.</summary>
    protected Task<(int Threads, int Messages, int Participants)> CountRowsAsync()
        => App.WithDbAsync(async db => (
            await db.MessageThreads.CountAsync(),
            await db.Messages.CountAsync(),
            await db.ThreadParticipants.CountAsync()));

    protected Task<T> WithDbAsync<T>(Func<SampleDbContext, Task<T>> work) => App.WithDbAsync(work);
}
