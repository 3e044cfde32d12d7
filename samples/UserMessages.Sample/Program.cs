using Microsoft.AspNetCore.Identity;
using UserMessages.Filters;
using UserMessages.Sample;
using UserMessages.Sample.Data;
using UserMessages.Sample.Listings;
using UserMessages.Sample.Notifications;

// The three steps a site takes: its context with the messaging tables (Data/SampleDbContext.cs),
// AddUserMessages (1) and MapUserMessages (2). What else the sample does is in SampleHosting.cs.
var builder = WebApplication.CreateBuilder(args);
builder.AddSampleDatabase();
builder.Services.AddDefaultIdentity<IdentityUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
    })
    .AddEntityFrameworkStores<SampleDbContext>()
    .AddApiEndpoints();
builder.AddSampleApiSignIn();
builder.AddSampleScaleOut();
builder.Services.AddRazorPages();

// 1. The messaging services, stored in the sample's own context, showing people by the public name they gave
//    at registration (a user claim; see Areas/Identity/Pages/Account/Register; kept per instance for
//    Messages:NameCacheDuration when that is set), with e-mail digests written as .eml files.
//    Moderators are the users in the role "Moderator" (the demo's Alice, by a role claim); links from new accounts are
//    held for them once Messages:NewAccounts:Age is set and the directory knows account ages.
builder.Services.AddUserMessages(options =>
    {
        options.PageSize = builder.Configuration.GetValue("Messages:PageSize", 25);
        options.MessageRequests = builder.Configuration.GetValue("Messages:MessageRequests", true);
        options.Formatting = builder.Configuration.GetValue("Messages:Formatting", true);
        options.Notifications.QuietPeriod = builder.Configuration.GetValue("Sample:NotificationQuietPeriod", TimeSpan.FromSeconds(30));
        builder.Configuration.GetSection("Messages:Limits").Bind(options.Limits);
        builder.Configuration.GetSection("Messages:Store").Bind(options.Store);
        builder.Configuration.GetSection("Messages:Moderation").Bind(options.Moderation);
        builder.Configuration.GetSection("Messages:NewAccounts").Bind(options.NewAccounts);
        builder.Configuration.GetSection("Messages:Attachments").Bind(options.Attachments);
        builder.Configuration.GetSection("Messages:Notifications").Bind(options.Notifications);
        builder.Configuration.GetSection("Messages:KeptPages").Bind(options.KeptPages);
    })
    .AddEntityFrameworkStores<SampleDbContext>()
    .AddIdentityUserDirectory<IdentityUser>(users =>
    {
        users.DisplayNameClaimType = SampleUsers.DisplayNameClaim;
        users.NameCacheDuration = builder.Configuration.GetValue("Messages:NameCacheDuration", TimeSpan.Zero);
    })
    .AddMessageFilter<NewAccountLinkFilter>()
    .AddMessageNotifier<PickupDirectoryEmailNotifier>()
    .AddAboutResolver<SampleListingResolver>();

// The package ships English and German; the sample lets people switch (see Pages/Shared/_LanguageSwitch),
// and keeps its own texts in Resources/ (SampleTexts, used by its override of _EmptyFolder.cshtml).
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

var app = builder.Build();

await app.PrepareSampleDatabaseAsync();
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

// 2. The messaging pages, their JSON API and live updates, under /messages.
app.MapUserMessages("/messages");

app.MapSampleExtras();
app.Run();

/// <summary>The sample's entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
