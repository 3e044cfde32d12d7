using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using UserMessages.Sample.Data;

namespace UserMessages.IntegrationTests.Infrastructure;

/// <summary>
/// The sample host over its own throw-away database (SQLite in memory, or PostgreSQL: see TestDatabase),
/// without demo data, with SQL statements counted and, unless told otherwise, the test
/// authentication scheme in front of Identity's cookie.
/// </summary>
public sealed class MessagesFactory : WebApplicationFactory<Program>
{
    private readonly string mailPickupDirectory = Path.Combine(Path.GetTempPath(), "usermessages-tests-mail", Guid.NewGuid().ToString("N"));

    /// <summary>Where this app keeps attachment files: a throw-away folder, never the sample's own.</summary>
    public string AttachmentFolder { get; } = Path.Combine(Path.GetTempPath(), "usermessages-tests-files", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly bool testAuthentication;
    private readonly Action<IServiceCollection>? configureServices;

    /// <param name="testAuthentication">Whether the test scheme (header X-Test-User) signs users in.</param>
    /// <param name="configureServices">Replacements of the app's services.</param>
    /// <param name="sharedDatabase">A database another app uses too (several instances of one site); else one of its own.</param>
    /// <param name="settings">Extra configuration of the app.</param>
    public MessagesFactory(
        bool testAuthentication = true,
        Action<IServiceCollection>? configureServices = null,
        TestDatabase? sharedDatabase = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        ownsDatabase = sharedDatabase is null;
        database = sharedDatabase ?? new TestDatabase();
        this.settings = settings ?? new Dictionary<string, string>();
        this.testAuthentication = testAuthentication;
        this.configureServices = configureServices;
    }

    public StatementCounter Statements { get; } = new();

    public TestUserNames UserNames { get; } = new();

    /// <summary>
    /// Creates an Identity user the way the sample's registration does (user name = e-mail, a public name:
    /// <paramref name="displayName"/>, else "Alice" for alice@example.com); no password, the test scheme signs it in.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(string email, string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var testUser = new TestUser(user.Id, email, displayName ?? char.ToUpperInvariant(email[0]) + email.Split('@')[0][1..]);
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddClaimAsync(user, new System.Security.Claims.Claim(SampleUsers.DisplayNameClaim, testUser.DisplayName))).Succeeded);
        UserNames.Add(testUser);
        return testUser;
    }

    /// <summary>A browser-like client (cookies kept, redirects not followed), signed in as <paramref name="user"/> or anonymous.</summary>
    public BrowserClient CreateBrowser(TestUser? user = null, params string[] roles)
    {
        var http = Services.GetRequiredService<IServer>() is TestServer
            ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })
            : CreateKestrelClient();
        if (user is not null)
        {
            http.DefaultRequestHeaders.Add(TestAuthenticationHandler.UserHeader, user.Id);
            if (roles.Length > 0)
            {
                http.DefaultRequestHeaders.Add(TestAuthenticationHandler.RolesHeader, string.Join(',', roles));
            }
        }

        return new BrowserClient(http, user);
    }

    /// <summary>
    /// After <c>UseKestrel()</c>: a client of the real port. The factory's own Kestrel client
    /// follows redirects whatever its options say, so it is built here as a browser would be.
    /// </summary>
    private HttpClient CreateKestrelClient()
    {
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        return new HttpClient(handler) { BaseAddress = new Uri(address) };
    }

    /// <summary>Runs <paramref name="work"/> on a fresh context of the app's database.</summary>
    public async Task<T> WithDbAsync<T>(Func<SampleDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SampleDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The test users write to each other as people who know each other do (message requests off), unless a
        // test's settings turn requests on: only their own tests are about them.
        builder.UseSetting("Messages:MessageRequests", "false");
        foreach (var (key, value) in database.Settings().Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Sample:DemoData", "false");

        // The sample's e-mail digests go to a throw-away folder, never into the repository.
        builder.UseSetting("Sample:MailPickupDirectory", mailPickupDirectory);
        builder.UseSetting("Messages:Attachments:Folder", AttachmentFolder);
        builder.ConfigureLogging(logging => logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(UserNames);
            // On PostgreSQL and MariaDB the sample registers SampleDbContext as SamplePostgresDbContext or SampleMariaDbContext, whose options are their own.
            services.ConfigureDbContext<SampleDbContext>(options => options.AddInterceptors(Statements));
            services.ConfigureDbContext<SamplePostgresDbContext>(options => options.AddInterceptors(Statements));
            services.ConfigureDbContext<SampleMariaDbContext>(options => options.AddInterceptors(Statements));
            if (testAuthentication)
            {
                services.AddAuthentication()
                    .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, options =>
                    {
                        // An anonymous visitor is sent to Identity UI's login page, as in production.
                        options.ForwardChallenge = IdentityConstants.ApplicationScheme;
                        options.ForwardForbid = IdentityConstants.ApplicationScheme;
                    });
                services.PostConfigure<AuthenticationOptions>(options =>
                {
                    options.DefaultAuthenticateScheme = TestAuthenticationHandler.SchemeName;
                    options.DefaultScheme = TestAuthenticationHandler.SchemeName;
                });
            }

            configureServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            database.Dispose();
        }
        DeleteMailPickupDirectory();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (ownsDatabase)
        {
            database.Dispose();
        }
            DeleteMailPickupDirectory();
        }
    }

    private void DeleteMailPickupDirectory()
    {
        if (Directory.Exists(AttachmentFolder))
        {
            Directory.Delete(AttachmentFolder, recursive: true);
        }

        if (Directory.Exists(mailPickupDirectory))
        {
            Directory.Delete(mailPickupDirectory, recursive: true);
        }
    }
}
