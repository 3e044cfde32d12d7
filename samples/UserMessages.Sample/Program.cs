using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UserMessages.Sample.Data;

var builder = WebApplication.CreateBuilder(args);

var connectionString = SqliteConnectionStrings.Resolve(
    builder.Configuration.GetConnectionString("Messages"), builder.Environment.ContentRootPath);
builder.Services.AddDbContext<SampleDbContext>(options => options.UseSqlite(connectionString));

builder.Services.AddDefaultIdentity<IdentityUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
    })
    .AddEntityFrameworkStores<SampleDbContext>();
builder.Services.AddRazorPages();

// 1. The messaging services, stored in the sample's own context.
builder.Services.AddUserMessages(options => options.PageSize = 25)
    .AddEntityFrameworkStores<SampleDbContext>();

var app = builder.Build();

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

app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets();
app.MapRazorPages();

// 2. The messaging pages, under /messages.
app.MapUserMessages("/messages");

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
});

app.Run();

/// <summary>The sample's entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
