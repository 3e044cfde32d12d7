using Microsoft.EntityFrameworkCore;
using UserMessages.Sample.Data;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// The sample app with three real users of this test alone, Alice, Bob and Carol (user names
/// alice.N@example.com..., so unique in the app), each with their own browser. The tests of a class
/// share one app (<see cref="SharedApp"/>, taken through <c>IClassFixture&lt;SharedApp&gt;</c>), so a test
/// looks only at what its own users see and own; a class whose tests need an app each derives from
/// <see cref="IsolatedMessagingTest"/>.
/// </summary>
public abstract class MessagingTest : IAsyncLifetime
{
    private static int lastTest;

    private readonly SharedApp? sharedApp;
    private readonly List<TestUser> users = [];
    private int test;

    /// <param name="sharedApp">The app the tests of the class share; null (only through <see cref="IsolatedMessagingTest"/>) for an app per test.</param>
    private protected MessagingTest(SharedApp? sharedApp)
    {
        this.sharedApp = sharedApp;
    }

    protected MessagesFactory App { get; private set; } = null!;

    protected BrowserClient Alice { get; private set; } = null!;

    protected BrowserClient Bob { get; private set; } = null!;

    protected BrowserClient Carol { get; private set; } = null!;

    /// <summary>The ids of this test's users: Alice, Bob, Carol and those of <see cref="CreateUserAsync"/>.</summary>
    protected IReadOnlyList<string> UserIds => users.Select(u => u.Id).ToList();

    public virtual async Task InitializeAsync()
    {
        App = sharedApp is null ? CreateApp() : sharedApp.GetOrCreate(CreateApp);
        test = Interlocked.Increment(ref lastTest);
        Alice = App.CreateBrowser(await CreateUserAsync("alice"));
        Bob = App.CreateBrowser(await CreateUserAsync("bob"));
        Carol = App.CreateBrowser(await CreateUserAsync("carol"));
    }

    public virtual async Task DisposeAsync()
    {
        Alice?.Dispose();
        Bob?.Dispose();
        Carol?.Dispose();
        if (sharedApp is null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>Whether the app runs on Kestrel, a real server on a local port, instead of the in-memory test server.</summary>
    protected virtual bool UseKestrel => false;

    /// <summary>Configuration of the app for this test class (the same for every test), e.g. <c>Messages:MessageRequests</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Replaces services of the app for this test class (the same for every test: the first test's call makes the shared app).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Another user of this test: user name <c>{name}.N@example.com</c>, public name <paramref name="name"/> capitalized ("Dave" for "dave").</summary>
    protected async Task<TestUser> CreateUserAsync(string name)
    {
        var user = await App.CreateUserAsync($"{name}.{test}@example.com", char.ToUpperInvariant(name[0]) + name[1..]);
        users.Add(user);
        return user;
    }

    /// <summary>
    /// What the database holds of this test's users: the threads they created or take part in, the
    /// messages in those threads or sent by them, and the participant rows of those threads or of them.
    /// </summary>
    protected Task<(int Threads, int Messages, int Participants)> CountRowsAsync()
    {
        var ids = UserIds;
        return App.WithDbAsync(async db =>
        {
            var threads = db.MessageThreads
                .Where(t => ids.Contains(t.CreatedById) || db.ThreadParticipants.Any(p => p.ThreadId == t.Id && ids.Contains(p.UserId)))
                .Select(t => t.Id);
            return (
                await threads.CountAsync(),
                await db.Messages.CountAsync(m => threads.Contains(m.ThreadId) || ids.Contains(m.SenderId)),
                await db.ThreadParticipants.CountAsync(p => threads.Contains(p.ThreadId) || ids.Contains(p.UserId)));
        });
    }

    protected Task<T> WithDbAsync<T>(Func<SampleDbContext, Task<T>> work) => App.WithDbAsync(work);

    private MessagesFactory CreateApp()
    {
        var app = new MessagesFactory(configureServices: ConfigureServices, settings: Settings);
        if (UseKestrel)
        {
            app.UseKestrel(0);
        }

        return app;
    }
}
