using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using UserMessages.Services;

namespace UserMessages.BrowserTests.Infrastructure;

/// <summary>
/// The sample site on real Kestrel at 127.0.0.1 (a port of its own), with Identity's real cookie
/// sign-in, over a throw-away SQLite file, with limits generous enough for a test run.
/// </summary>
public sealed class SampleSite : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "usermessages-browser-" + Guid.NewGuid().ToString("N"));
    private int users;

    public SampleSite()
    {
        Directory.CreateDirectory(folder);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public SiteClock Clock { get; } = new();

    /// <summary>The site's address, e.g. http://127.0.0.1:40123 (starts the site).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>
    /// A user with a password, created the way the register page does (user name = e-mail); a unique
    /// name unless <paramref name="exactName"/>, which also gives the user an id made from the name
    /// (so the order of people on a page is the same on every run).
    /// </summary>
    public async Task<SiteUser> CreateUserAsync(string name, bool exactName = false)
    {
        var email = exactName ? name : $"{name}{Interlocked.Increment(ref users):D3}@example.com";
        const string Password = "Browser-pass-1";
        await using var scope = Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        if (exactName)
        {
            user.Id = "user-" + email;
        }

        var site = new SiteUser(user.Id, email, Password);
        var created = await UserMessages.Sample.Data.SampleUsers.CreateAsync(manager, user, site.DisplayName, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return site with { Id = user.Id };
    }

    /// <summary>Starts a conversation behind the scenes (for tests about what people do with it).</summary>
    public async Task<long> StartThreadAsync(SiteUser from, IEnumerable<SiteUser> to, string subject, string content)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IUserMessagesService>()
            .StartThreadAsync(new NewThreadRequest(from.Id, to.Select(u => u.Id).ToList(), subject, content));
        Assert.True(result.Succeeded, "could not start the thread " + subject);
        return result.Value!.ThreadId;
    }

    public async Task ReplyAsync(SiteUser from, long threadId, string content)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().ReplyAsync(from.Id, threadId, content);
        Assert.True(result.Succeeded, "could not reply in thread " + threadId);
    }

    /// <summary>Runs <paramref name="work"/> with a service of the site, in a scope of its own.</summary>
    public async Task WithServiceAsync<TService>(Func<TService, Task> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Reads something through one of the site's services, in a scope of its own.</summary>
    public async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Messages", $"Data Source={Path.Combine(folder, "messages.db")}");
        builder.UseSetting("Sample:DemoData", "false");
        builder.UseSetting("Messages:MessageRequests", "false");
        builder.UseSetting("Sample:MailPickupDirectory", Path.Combine(folder, "mail"));
        builder.ConfigureLogging(logging => logging
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<UserMessagesOptions>(options =>
            {
                options.Limits.MessagesPerMinute = 10_000;
                options.Limits.MessagesPerDay = 100_000;
                options.Limits.NewThreadsPerDay = 100_000;
                options.Limits.SuggestionsPerMinute = 10_000;
                options.Limits.SearchesPerMinute = 10_000;
            });
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
