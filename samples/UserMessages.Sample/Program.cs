using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UserMessages.Sample.Data;
using UserMessages.Sample.Notifications;
using UserMessages.Sample.Seeding;

var builder = WebApplication.CreateBuilder(args);

// SQLite by default; PostgreSQL with Messages:Provider=Postgres and ConnectionStrings:MessagesPostgres.
if (string.Equals(builder.Configuration["Messages:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
{
    var postgres = builder.Configuration.GetConnectionString("MessagesPostgres")
        ?? throw new InvalidOperationException("Messages:Provider is Postgres: set ConnectionStrings:MessagesPostgres (e.g. Host=127.0.0.1;Database=usermessages;Username=postgres).");
    builder.Services.AddDbContextPool<SampleDbContext, SamplePostgresDbContext>(options => options.UseNpgsql(postgres));
}
else
{
    var sqlite = SqliteConnectionStrings.Resolve(builder.Configuration.GetConnectionString("Messages"), builder.Environment.ContentRootPath);
    builder.Services.AddDbContextPool<SampleDbContext>(options => options.UseSqlite(sqlite));
}

builder.Services.AddDefaultIdentity<IdentityUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
    })
    .AddEntityFrameworkStores<SampleDbContext>()
    .AddApiEndpoints();

// Non-browser clients (mobile apps, scripts) sign in at /identity/login and send "Authorization: Bearer ...".
// Every request is authenticated by the cookie, or by the bearer token when it carries one.
const string cookieOrBearer = "Identity.CookieOrBearer";
builder.Services.AddAuthentication(options => options.DefaultAuthenticateScheme = cookieOrBearer)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddPolicyScheme(cookieOrBearer, displayName: null, options => options.ForwardDefaultSelector = http =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme);
builder.Services.AddOpenApi();

// Several instances of the app: live updates through a Redis backplane, and one key ring for
// cookies and antiforgery tokens (Messages:Redis, Sample:DataProtectionKeys; see the README).
var signalR = builder.Services.AddSignalR();
if (builder.Configuration["Messages:Redis"] is { Length: > 0 } redis)
{
    signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("usermessages"));
}

if (builder.Configuration["Sample:DataProtectionKeys"] is { Length: > 0 } keys)
{
    builder.Services.AddDataProtection().SetApplicationName("UserMessages.Sample").PersistKeysToFileSystem(new DirectoryInfo(keys));
}
builder.Services.AddRazorPages();

// 1. The messaging services, stored in the sample's own context, showing people by the public name they gave
//    at registration (a user claim; see Areas/Identity/Pages/Account/Register), with e-mail digests written as .eml files.
builder.Services.AddUserMessages(options =>
    {
        options.PageSize = builder.Configuration.GetValue("Messages:PageSize", 25);
        options.Notifications.QuietPeriod = builder.Configuration.GetValue("Sample:NotificationQuietPeriod", TimeSpan.FromSeconds(30));
        builder.Configuration.GetSection("Messages:Limits").Bind(options.Limits);
    })
    .AddEntityFrameworkStores<SampleDbContext>()
    .AddIdentityUserDirectory<IdentityUser>(users => users.DisplayNameClaimType = SampleUsers.DisplayNameClaim)
    .AddMessageNotifier<PickupDirectoryEmailNotifier>();

// The package ships English and German; the sample lets people switch (see Pages/Shared/_LanguageSwitch),
// and keeps its own texts in Resources/ (SampleTexts, used by its override of _EmptyFolder.cshtml).
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

var app = builder.Build();

// `seed --users U --threads-per-user N --messages-per-thread M`: load data for benchmarks, then exit (see the README).
if (args is ["seed", .. var seedArgs])
{
    Environment.ExitCode = await SeedCommand.RunAsync(app.Services, seedArgs, Console.Out, Console.Error);
    return;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SampleDbContext>().Database.MigrateAsync();
    if (app.Configuration.GetValue<bool>("Sample:DemoData"))
    {
        await DemoData.SeedAsync(scope.ServiceProvider);
    }
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseRequestLocalization(options => options
    .SetDefaultCulture("en")
    .AddSupportedCultures("en", "de")
    .AddSupportedUICultures("en", "de"));
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

// 2. The messaging pages, under /messages.
app.MapUserMessages("/messages");

// The messaging API's description (under /messages/api), and Identity's endpoints for bearer tokens.
app.MapOpenApi();
app.MapGroup("/identity").MapIdentityApi<IdentityUser>();

app.MapPost("/language", (HttpContext http, [FromForm] string culture, [FromForm] string? returnUrl) =>
{
    var chosen = culture is "de" ? "de" : "en";
    http.Response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
    return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/");
}).ExcludeFromDescription();

app.Lifetime.ApplicationStarted.Register(() =>
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
});

app.Run();

/// <summary>The sample's entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
