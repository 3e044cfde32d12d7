using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using UserMessages.Sample.Data;
using UserMessages.Sample.Notifications;

namespace UserMessages.Sample;

/// <summary>
/// What the sample does besides the three steps a host takes (Program.cs): its choice of database,
/// bearer tokens and OpenAPI for the JSON API, several instances, the language switch and the start-up lines.
/// </summary>
public static class SampleHosting
{
    private const string CookieOrBearer = "Identity.CookieOrBearer";

    /// <summary>
    /// The sample's database: SQLite (ConnectionStrings:Messages) by default, PostgreSQL with
    /// Messages:Provider=Postgres (ConnectionStrings:MessagesPostgres), MariaDB or MySQL with
    /// Messages:Provider=MariaDb (ConnectionStrings:MessagesMariaDb).
    /// </summary>
    public static void AddSampleDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Messages:Provider"];
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var postgres = RequiredConnectionString(builder, "MessagesPostgres", "Host=127.0.0.1;Database=usermessages;Username=postgres");
            builder.Services.AddDbContextPool<SampleDbContext, SamplePostgresDbContext>(options => options.UseNpgsql(postgres));
        }
        else if (string.Equals(provider, "MariaDb", StringComparison.OrdinalIgnoreCase))
        {
            var mariaDb = RequiredConnectionString(builder, "MessagesMariaDb", "Server=127.0.0.1;Database=usermessages;User ID=root");
            builder.Services.AddDbContextPool<SampleDbContext, SampleMariaDbContext>(options => options.UseMySQL(mariaDb));
        }
        else if (provider is null or "" || string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = SqliteConnectionStrings.Resolve(builder.Configuration.GetConnectionString("Messages"), builder.Environment.ContentRootPath);
            builder.Services.AddDbContextPool<SampleDbContext>(options => options.UseSqlite(sqlite));
        }
        else
        {
            throw new InvalidOperationException($"Messages:Provider is '{provider}': use Sqlite (the default), Postgres or MariaDb.");
        }
    }

    /// <summary>
    /// Non-browser clients (mobile apps, scripts) sign in at /identity/login and send "Authorization: Bearer ...":
    /// every request is authenticated by the cookie, or by the bearer token when it carries one. The API is described by OpenAPI.
    /// </summary>
    public static void AddSampleApiSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(options => options.DefaultAuthenticateScheme = CookieOrBearer)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddPolicyScheme(CookieOrBearer, displayName: null, options => options.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);
        builder.Services.AddOpenApi();
    }

    /// <summary>
    /// Several instances of the app: live updates through a Redis backplane (Messages:Redis), and one
    /// key ring for cookies and antiforgery tokens (Sample:DataProtectionKeys); see the README.
    /// </summary>
    public static void AddSampleScaleOut(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        if (builder.Configuration["Messages:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("usermessages"));
        }

        if (builder.Configuration["Sample:DataProtectionKeys"] is { Length: > 0 } keys)
        {
            builder.Services.AddDataProtection().SetApplicationName("UserMessages.Sample").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
    }

    /// <summary>Applies the database's migration and, with Sample:DemoData, adds the demo users and threads.</summary>
    public static async Task PrepareSampleDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.MigrateOrCreateAsync();
        if (app.Configuration.GetValue<bool>("Sample:DemoData"))
        {
            await DemoData.SeedAsync(scope.ServiceProvider);
        }
    }

    /// <summary>
    /// Applies the migration; on MariaDB creates the schema from the model instead (MySql.EntityFrameworkCore's
    /// migrations lock with <c>GET_LOCK(name, -1)</c>, which MariaDB answers with NULL).
    /// </summary>
    public static Task MigrateOrCreateAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
        => database.ProviderName == "MySql.EntityFrameworkCore" ? database.EnsureCreatedAsync(cancellationToken) : database.MigrateAsync(cancellationToken);

    /// <summary>The API's description (under /messages/api), Identity's endpoints for bearer tokens, the language switch, and the start-up lines.</summary>
    public static void MapSampleExtras(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapGroup("/identity").MapIdentityApi<IdentityUser>();
        app.MapPost("/language", ChooseLanguage).ExcludeFromDescription();
        app.Lifetime.ApplicationStarted.Register(() => WriteStartLines(app));
    }

    private static string RequiredConnectionString(WebApplicationBuilder builder, string name, string example)
        => builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"Messages:Provider is {builder.Configuration["Messages:Provider"]}: set ConnectionStrings:{name} (e.g. {example}).");

    /// <summary>Keeps the chosen language (English or German) in the culture cookie and goes back to the local page it came from.</summary>
    private static IResult ChooseLanguage(HttpContext http, [FromForm] string culture, [FromForm] string? returnUrl)
    {
        var chosen = culture is "de" ? "de" : "en";
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        var local = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
        return Results.LocalRedirect(local ? returnUrl! : "/");
    }

    private static void WriteStartLines(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"UserMessages sample: open {address}/messages");
        }

        if (app.Configuration.GetValue<bool>("Sample:DemoData"))
        {
            Console.WriteLine($"Demo users: {string.Join(", ", DemoData.Emails)} (password: {DemoData.Password})");
        }

        Console.WriteLine($"E-mail notifications are written to {PickupDirectoryEmailNotifier.PickupFolder(app.Configuration, app.Environment)}");
    }
}
