using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserMessages.Services;
using UserMessages.Tests.Infrastructure;

namespace UserMessages.Tests.Blazor;

/// <summary>
/// Issue 20: in a Blazor Web App (Razor components mapped, no Razor layout) the pages render inside the
/// host's root component and its router's default layout, with the badge component in that layout's nav,
/// whichever of AddRazorComponents and AddUserMessages the host calls first; the host's own pages still route.
/// </summary>
public sealed partial class BlazorHostTests
{
    private const string Subject = "Lunch in the Blazor app";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheInbox_RendersInTheHostsDocumentAndLayout_WithTheBadgeComponentInItsNav(bool razorComponentsFirst)
    {
        await using var host = await BlazorHost.StartAsync(razorComponentsFirst);

        var (status, page) = await host.GetAsync("/messages", host.Bob);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<link rel=\"stylesheet\" href=\"host.css\" />", page, StringComparison.Ordinal);
        Assert.Contains("<title>Inbox</title>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("um-standalone", page, StringComparison.Ordinal);
        var nav = Element().Match(page, page.IndexOf("<nav id=\"host-nav\"", StringComparison.Ordinal)).Value;
        Assert.Matches("<a class=\"nav-link\" id=\"um-unread-badge\"[^>]*data-um-unread-count=\"1\"", nav);
        var content = page[page.IndexOf("<article id=\"host-content\"", StringComparison.Ordinal)..];
        Assert.Contains("data-um-page=\"inbox\"", content, StringComparison.Ordinal);
        Assert.Contains(Subject, content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePagesPolicy_LetsTheTemplatesNavMenuHandlerRun_ByItsHashAlone()
    {
        await using var host = await BlazorHost.StartAsync(razorComponentsFirst: true);

        var (page, policy) = await host.GetWithPolicyAsync("/messages", host.Bob);

        var handler = Handler().Match(page).Groups[1].Value;
        Assert.Equal(HostLayout.NavMenuHandler, System.Net.WebUtility.HtmlDecode(handler));
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(HostLayout.NavMenuHandler)));
        var scriptSources = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal)).Split(' ');
        Assert.Equal(["script-src", "'unsafe-hashes'", $"'sha256-{hash}'", "'self'"], scriptSources);
    }

    [Fact]
    public async Task TheHostsOwnPages_StillRouteAsBefore()
    {
        await using var host = await BlazorHost.StartAsync(razorComponentsFirst: false);

        var (status, page) = await host.GetAsync("/home", host.Bob);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 id=\"host-home\">Home</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<nav id=\"host-nav\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThreadOfSomeoneElse_Is404_InsideTheHostsLayout()
    {
        await using var host = await BlazorHost.StartAsync(razorComponentsFirst: true);

        var (status, page) = await host.GetAsync($"/messages/thread/{host.ThreadId}", host.Carol);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<nav id=\"host-nav\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Subject, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALayoutNamedInTheOptions_TakesThePlaceOfTheRoutersDefault()
    {
        await using var host = await BlazorHost.StartAsync(razorComponentsFirst: true, o => o.Blazor.Layout = typeof(OtherHostLayout));

        var (status, page) = await host.GetAsync($"/messages/thread/{host.ThreadId}", host.Bob);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<section id=\"other-layout\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("host-nav", page, StringComparison.Ordinal);
        Assert.Contains($"<title>{Subject}</title>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptPages_AreServedAgainInTheHostsLayout_WithTheirTitle()
    {
        await using var host = await BlazorHost.StartAsync(razorComponentsFirst: true, o => o.KeptPages.Duration = TimeSpan.FromMinutes(5));

        // The thread page's first view marks it read (a change), so each page is asked for once before.
        foreach (var path in new[] { $"/messages/thread/{host.ThreadId}", "/messages" })
        {
            await host.GetAsync(path, host.Bob);
            var (_, first) = await host.GetAsync(path, host.Bob);
            var (status, again) = await host.GetAsync(path, host.Bob);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(Token().Replace(first, "token"), Token().Replace(again, "token"));
            Assert.Single(Regex.Matches(again, "<nav id=\"host-nav\""));
            Assert.Contains(path == "/messages" ? "<title>Inbox</title>" : $"<title>{Subject}</title>", again, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARootComponentThatIsNotAComponent_StopsTheAppAtStartWithTheReason()
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => BlazorHost.StartAsync(razorComponentsFirst: true, o => o.Blazor.RootComponent = typeof(string)));

        Assert.Contains("UserMessagesOptions.Blazor.RootComponent must be a Razor component", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>An antiforgery token's value (each request has its own).</summary>
    [GeneratedRegex("CfDJ[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    /// <summary>The value of the first inline <c>onclick</c> attribute.</summary>
    [GeneratedRegex("onclick=\"([^\"]*)\"")]
    private static partial Regex Handler();

    /// <summary>An element from its start tag to the first closing tag of its name (no nesting of the same name).</summary>
    [GeneratedRegex(@"<(\w+)[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Element();

    /// <summary>The host: Identity users, the messaging tables in its context, Razor components and the messaging pages, on a loopback port.</summary>
    private sealed class BlazorHost : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly SqliteConnection database;
        private HttpClient? client;

        private BlazorHost(WebApplication app, SqliteConnection database)
        {
            this.app = app;
            this.database = database;
        }

        public string Alice { get; private set; } = "";

        public string Bob { get; private set; } = "";

        public string Carol { get; private set; } = "";

        public long ThreadId { get; private set; }

        public static async Task<BlazorHost> StartAsync(bool razorComponentsFirst, Action<UserMessagesOptions>? configure = null)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var database = new SqliteConnection($"Data Source=blazor-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
            database.Open();
            builder.Services.AddDbContext<TestDbContext>(o => o.UseSqlite(database.ConnectionString));
            builder.Services.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<TestDbContext>();
            builder.Services.AddAuthentication();
            if (razorComponentsFirst)
            {
                builder.Services.AddRazorComponents();
            }

            // Its users know each other (message requests off), as in the other test hosts.
            builder.Services.AddUserMessages(options =>
                {
                    options.MessageRequests = false;
                    configure?.Invoke(options);
                })
                .AddEntityFrameworkStores<TestDbContext>();
            if (!razorComponentsFirst)
            {
                builder.Services.AddRazorComponents();
            }

            var app = builder.Build();
            app.UseRouting();
            app.Use((http, next) =>
            {
                // The signed-in user, as a cookie would say.
                if (http.Request.Headers["X-User"] is [{ } id])
                {
                    http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "Test"));
                }

                return next(http);
            });
            app.UseAuthorization();
            app.UseAntiforgery();
            app.MapRazorComponents<HostApp>();
            app.MapUserMessages("/messages");

            var host = new BlazorHost(app, database);
            try
            {
                await app.StartAsync();
                var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                host.client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
                await host.SeedAsync();
                return host;
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }

        public async Task<(HttpStatusCode Status, string Page)> GetAsync(string path, string userId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-User", userId);
            using var response = await client!.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>The page and its <c>Content-Security-Policy</c>.</summary>
        public async Task<(string Page, string Policy)> GetWithPolicyAsync(string path, string userId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-User", userId);
            using var response = await client!.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadAsStringAsync(), response.Headers.GetValues("Content-Security-Policy").Single());
        }

        public async ValueTask DisposeAsync()
        {
            client?.Dispose();
            await app.DisposeAsync();
            await database.DisposeAsync();
        }

        private async Task SeedAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Alice = await CreateAsync(users, "alice");
            Bob = await CreateAsync(users, "bob");
            Carol = await CreateAsync(users, "carol");
            var sent = await scope.ServiceProvider.GetRequiredService<IUserMessagesService>().StartThreadAsync(new NewThreadRequest(Alice, [Bob], Subject, "Shall we?"));
            ThreadId = sent.Value!.ThreadId;
        }

        private static async Task<string> CreateAsync(UserManager<IdentityUser> users, string name)
        {
            var user = new IdentityUser { UserName = name, Email = $"{name}@example.com" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            return user.Id;
        }
    }
}
